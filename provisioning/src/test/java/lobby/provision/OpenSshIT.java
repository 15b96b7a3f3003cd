package lobby.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lobby.provision.ssh.OpenSshServer;
import lobby.provision.ssh.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same roll-out against Debian's OpenSSH server (what the kiosks run), started by the test on
 * a loopback port with throwaway keys; it offers an ed25519 and an RSA host key, as a Pi does.
 */
class OpenSshIT {
    @TempDir
    Path dir;
    TestLobby lobby;
    OpenSshServer server;
    Path ed25519;
    Path rsa;

    @BeforeEach
    void start() throws Exception {
        lobby = new TestLobby(dir, "ed25519");
        ed25519 = TestKeys.generate(dir, "ssh_host_ed25519_key", "ed25519");
        rsa = TestKeys.generate(dir, "ssh_host_rsa_key", "rsa");
        server = OpenSshServer.start(dir, List.of(ed25519, rsa), lobby.authorizedKeys());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void firstApplyThenSecondApplyThenPlan() throws Exception {
        lobby.trust(server.port(), ed25519);
        TestLobby.TestKiosk kiosk = lobby.kiosk("lobby-1", server.port());
        Path dist = lobby.dist("0.1.0", true);

        TestLobby.Run first = lobby.tool("apply", "--dist", dist.toString());

        assertEquals(0, first.exit(), first.all() + "\nsshd: " + server.log());
        assertEquals(List.of("packages", "user", "upload", "config", "unit", "switch", "restart", "health"),
                ApplyIT.changedSteps(first.out(), "lobby-1"), first.out());
        assertTrue(kiosk.log().contains("apt-get install -y --no-install-recommends openjdk-21-jre fonts-wqy-microhei "
                + "cage xwayland"), String.join("\n", kiosk.log()));
        assertEquals("releases/0.1.0", kiosk.link("current"));
        assertTrue(Files.readString(kiosk.path("/var/lib/lobby-kiosk/health.json")).contains("\"version\":\"0.1.0\""));
        int logged = kiosk.log().size();

        TestLobby.Run second = lobby.tool("apply", "--dist", dist.toString());

        assertEquals(0, second.exit(), second.all());
        assertEquals(List.of(), ApplyIT.changedSteps(second.out(), "lobby-1"), second.out());
        List<String> secondLog = kiosk.log().subList(logged, kiosk.log().size());
        assertFalse(secondLog.stream().anyMatch(l -> l.startsWith("apt-get install") || l.contains("systemctl restart")),
                String.join("\n", secondLog));

        TestLobby.Run plan = lobby.tool("plan", "--dist", dist.toString());

        assertEquals(0, plan.exit(), plan.all());
        assertTrue(plan.out().contains("lobby-1  ok: nothing would change"), plan.out());
    }

    @Test
    void theKeyTypeOnFileIsTheOneAskedForAndTrustHostFindsItByFingerprint() throws Exception {
        lobby.kiosk("lobby-1", server.port());

        TestLobby.Run trusted = lobby.tool("trust-host", "--kiosk", "lobby-1", "--fingerprint", TestKeys.fingerprint(rsa));

        assertEquals(0, trusted.exit(), trusted.all());
        assertTrue(trusted.out().contains("trusted ssh-rsa " + TestKeys.fingerprint(rsa)), trusted.out());
        assertEquals("[127.0.0.1]:" + server.port() + " " + TestKeys.publicKey(rsa) + "\n",
                Files.readString(lobby.knownHosts));

        // known_hosts holds only the RSA key, though ed25519 is the usual first choice: still reachable.
        TestLobby.Run status = lobby.tool("status");

        assertEquals(0, status.exit(), status.all());
        assertTrue(status.out().contains("lobby-1  reachable"), status.out());
    }
}
