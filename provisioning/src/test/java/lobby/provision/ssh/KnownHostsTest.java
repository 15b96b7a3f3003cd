package lobby.provision.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and fingerprints below were made with ssh-keygen, so the expected values are OpenSSH's own. */
class KnownHostsTest {
    static final HostKey A = HostKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILoiUqsQ9fTuurxludU9mGp9mdNthQmB7Yvpfqo24Qya");
    static final HostKey B = HostKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG2f/YT5lIQleuE2fJpYRU1yWAjbM/qYxU2RACcJtyXz");

    @TempDir
    Path dir;

    @Test
    void fingerprintsAreThoseSshKeygenPrints() {
        assertEquals("SHA256:myDElTxbJ2O8WeF6h51Ims1c1cRe7EznRCd2gjGGzFI", A.fingerprint());
        assertEquals("SHA256:i39mvhvmBx9i7IIUjL098VYBE7NfGcQR1FFf5zDz4oM", B.fingerprint());
    }

    @Test
    void aTypedFingerprintIsNormalised() {
        assertEquals(A.fingerprint(), HostKey.normaliseFingerprint(" myDElTxbJ2O8WeF6h51Ims1c1cRe7EznRCd2gjGGzFI= "));
        assertEquals(A.fingerprint(), HostKey.normaliseFingerprint("sha256:myDElTxbJ2O8WeF6h51Ims1c1cRe7EznRCd2gjGGzFI"));
    }

    @Test
    void portsOtherThan22AreLookedUpInBrackets() throws IOException {
        KnownHosts kh = file("[10.0.0.21]:2222 " + line(A) + "\n10.0.0.22 " + line(B) + "\n");

        assertEquals(KnownHosts.Verdict.TRUSTED, kh.check("10.0.0.21", 2222, A));
        assertEquals(KnownHosts.Verdict.UNKNOWN_HOST, kh.check("10.0.0.21", 22, A));
        assertEquals(KnownHosts.Verdict.TRUSTED, kh.check("10.0.0.22", 22, B));
        assertEquals(KnownHosts.Verdict.CHANGED, kh.check("10.0.0.22", 22, A));
        assertEquals(List.of(B), kh.keysFor("10.0.0.22", 22));
    }

    @Test
    void hashedEntriesFromSshKeygenMatch() throws IOException {
        Path file = dir.resolve("known_hosts");
        try (InputStream in = getClass().getResourceAsStream("/ssh/hashed_known_hosts")) {
            Files.write(file, in.readAllBytes());
        }
        KnownHosts kh = KnownHosts.load(file);

        assertEquals(KnownHosts.Verdict.TRUSTED, kh.check("10.0.0.21", 2222, A));
        assertEquals(KnownHosts.Verdict.TRUSTED, kh.check("10.0.0.22", 22, B));
        assertEquals(KnownHosts.Verdict.CHANGED, kh.check("10.0.0.21", 2222, B));
        assertEquals(KnownHosts.Verdict.UNKNOWN_HOST, kh.check("10.0.0.23", 22, A));
    }

    @Test
    void patternsWildcardsAndNegations() throws IOException {
        KnownHosts kh = file("kiosk-*.lobby,!kiosk-9.lobby " + line(A) + "\n");

        assertEquals(KnownHosts.Verdict.TRUSTED, kh.check("kiosk-1.lobby", 22, A));
        assertEquals(KnownHosts.Verdict.TRUSTED, kh.check("KIOSK-2.lobby", 22, A), "host names ignore case");
        assertEquals(KnownHosts.Verdict.UNKNOWN_HOST, kh.check("kiosk-9.lobby", 22, A));
        assertEquals(KnownHosts.Verdict.UNKNOWN_HOST, kh.check("other", 22, A));
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhereItIsAlsoListed() throws IOException {
        KnownHosts kh = file("@revoked * " + line(A) + "\n10.0.0.21 " + line(A) + "\n");

        assertEquals(KnownHosts.Verdict.REVOKED, kh.check("10.0.0.21", 22, A));
    }

    @Test
    void trustReplacesThisHostsOwnLinesAndKeepsTheRest() throws IOException {
        Path file = dir.resolve("sub/known_hosts");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# mine\n[10.0.0.21]:2222 " + line(B) + "\n10.0.0.21 " + line(B) + "\n"
                + "*.lobby " + line(B) + "\n");

        KnownHosts after = KnownHosts.load(file).trust("10.0.0.21", 2222, A);

        assertEquals(List.of("# mine", "10.0.0.21 " + line(B), "*.lobby " + line(B), "[10.0.0.21]:2222 " + line(A)),
                Files.readAllLines(file));
        assertEquals(KnownHosts.Verdict.TRUSTED, after.check("10.0.0.21", 2222, A));
        assertEquals(Set.of("ssh-ed25519"), after.keyTypesFor("10.0.0.21", 2222));
    }

    @Test
    void aMissingFileKnowsNoHostAndTrustCreatesIt() {
        Path file = dir.resolve("none/known_hosts");
        KnownHosts kh = KnownHosts.load(file);

        assertEquals(KnownHosts.Verdict.UNKNOWN_HOST, kh.check("10.0.0.21", 22, A));
        assertFalse(Files.exists(file));
        assertEquals(KnownHosts.Verdict.TRUSTED, kh.trust("10.0.0.21", 22, A).check("10.0.0.21", 22, A));
        assertTrue(Files.exists(file));
    }

    @Test
    void aRefusalNamesBothFingerprintsAndTheWayForward() throws IOException {
        KnownHosts kh = file("[10.0.0.21]:2222 " + line(B) + "\n");
        SshTarget target = new SshTarget("lobby-1", "10.0.0.21", 2222, "pi", Path.of("id"));

        String message = HostKeyMessages.refusal(target, kh, A, kh.check("10.0.0.21", 2222, A));

        assertTrue(message.startsWith("lobby-1 (10.0.0.21:2222): HOST KEY MISMATCH"), message);
        assertTrue(message.contains("offers ssh-ed25519 " + A.fingerprint()), message);
        assertTrue(message.contains("expects ssh-ed25519 " + B.fingerprint()), message);
        assertTrue(message.contains("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"), message);
        assertTrue(message.endsWith("provision trust-host --kiosk lobby-1 --fingerprint SHA256:..."), message);
    }

    private KnownHosts file(String text) throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, text);
        return KnownHosts.load(file);
    }

    private static String line(HostKey key) {
        return key.type() + " " + key.base64();
    }
}
