package lobby.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lobby.provision.ssh.InProcessSshServer;
import lobby.provision.ssh.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host keys: a replaced kiosk (a different key on file) and an unknown kiosk are refused with exit
 * code 3 and nothing run on them; trust-host accepts the key only with the fingerprint that
 * ssh-keygen computes for the server's key, and then the kiosk is reachable. Fingerprints are
 * taken from ssh-keygen, not from the code under test.
 */
class HostKeyIT {
    @TempDir
    Path dir;
    TestLobby lobby;
    InProcessSshServer server;
    Path hostKey;
    TestLobby.TestKiosk kiosk;

    @BeforeEach
    void start() throws Exception {
        lobby = new TestLobby(dir, "ed25519");
        hostKey = TestKeys.generate(dir, "host_ed25519", "ed25519");
        server = InProcessSshServer.start(hostKey, lobby.authorizedKeys());
        kiosk = lobby.kiosk("lobby-1", server.port());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aMismatchingKeyIsRefusedUntilTrustedWithTheRightFingerprint() throws Exception {
        Path oldKey = TestKeys.generate(dir, "old_host_ed25519", "ed25519");
        lobby.trust(server.port(), oldKey); // the kiosk that was there before this one
        String offered = TestKeys.fingerprint(hostKey);
        String expected = TestKeys.fingerprint(oldKey);

        TestLobby.Run refused = lobby.tool("apply", "--dist", lobby.dist("0.1.0", true).toString());

        assertEquals(3, refused.exit(), refused.all());
        assertTrue(refused.out().contains("HOST KEY MISMATCH"), refused.out());
        assertTrue(refused.out().contains("offers ssh-ed25519 " + offered), refused.out());
        assertTrue(refused.out().contains("expects ssh-ed25519 " + expected), refused.out());
        assertTrue(refused.out().contains("provision trust-host --kiosk lobby-1 --fingerprint SHA256:"), refused.out());
        assertEquals(List.of(), kiosk.log(), "nothing ran on a kiosk whose key was refused");
        String knownHostsBefore = Files.readString(lobby.knownHosts);

        TestLobby.Run wrong = lobby.tool("trust-host", "--kiosk", "lobby-1", "--fingerprint", expected);

        assertEquals(3, wrong.exit(), wrong.all());
        assertTrue(wrong.out().contains("NOT trusted"), wrong.out());
        assertTrue(wrong.out().contains(offered), wrong.out());
        assertEquals(knownHostsBefore, Files.readString(lobby.knownHosts), "known_hosts unchanged");

        TestLobby.Run trusted = lobby.tool("trust-host", "--kiosk", "lobby-1", "--fingerprint", offered);

        assertEquals(0, trusted.exit(), trusted.all());
        assertTrue(trusted.out().contains("trusted ssh-ed25519 " + offered + " for [127.0.0.1]:" + server.port()),
                trusted.out());
        assertTrue(trusted.out().contains("replacing ssh-ed25519 " + expected), trusted.out());
        String knownHosts = Files.readString(lobby.knownHosts);
        assertTrue(knownHosts.contains(TestKeys.publicKey(hostKey)), knownHosts);
        assertFalse(knownHosts.contains(TestKeys.publicKey(oldKey)), knownHosts);

        TestLobby.Run status = lobby.tool("status");

        assertEquals(0, status.exit(), status.all());
        assertTrue(status.out().contains("lobby-1  reachable"), status.out());
    }

    @Test
    void anUnknownKioskIsRefusedAndAFingerprintWithoutPrefixIsAccepted() throws Exception {
        TestLobby.Run refused = lobby.tool("status");

        assertEquals(3, refused.exit(), refused.all());
        assertTrue(refused.out().contains("host key not in known_hosts"), refused.out());
        assertTrue(refused.out().contains("never accepted"), refused.out());
        assertFalse(Files.exists(lobby.knownHosts), "refusing writes nothing");

        String bare = TestKeys.fingerprint(hostKey).substring("SHA256:".length());
        TestLobby.Run trusted = lobby.tool("trust-host", "--kiosk", "lobby-1", "--fingerprint", bare);

        assertEquals(0, trusted.exit(), trusted.all());
        assertEquals(0, lobby.tool("status").exit());
    }

    @Test
    void aHashedKnownHostsEntryIsRecognised() throws Exception {
        lobby.trust(server.port(), hostKey);
        TestKeys.run("ssh-keygen", "-H", "-f", lobby.knownHosts.toString()); // as HashKnownHosts yes writes it
        assertTrue(Files.readString(lobby.knownHosts).startsWith("|1|"), Files.readString(lobby.knownHosts));

        TestLobby.Run status = lobby.tool("status");

        assertEquals(0, status.exit(), status.all());
        assertTrue(status.out().contains("lobby-1  reachable"), status.out());
    }

    @Test
    void trustHostOnAnUnreachableKioskFails() throws Exception {
        lobby.kiosk("lobby-2", ApplyIT.closedPort());

        TestLobby.Run run = lobby.tool("trust-host", "--kiosk", "lobby-2", "--fingerprint", TestKeys.fingerprint(hostKey));

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("unreachable"), run.out());
        assertFalse(Files.exists(lobby.knownHosts));
    }
}
