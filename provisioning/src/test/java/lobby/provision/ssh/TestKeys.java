package lobby.provision.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Throwaway keys from OpenSSH's ssh-keygen, so the tests use the same files a technician has. */
public final class TestKeys {
    private TestKeys() {
    }

    /** @param type ed25519, rsa or ecdsa; returns the private key file (the public one is beside it, .pub) */
    public static Path generate(Path dir, String name, String type) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    /** "ssh-ed25519 AAAA..." without the comment. */
    public static String publicKey(Path privateKey) throws IOException {
        String[] f = Files.readString(Path.of(privateKey + ".pub"), StandardCharsets.UTF_8).strip().split("\\s+");
        return f[0] + " " + f[1];
    }

    /** The fingerprint as ssh-keygen -lf prints it: independent of the code under test. */
    public static String fingerprint(Path privateKey) throws IOException, InterruptedException {
        return run("ssh-keygen", "-l", "-E", "sha256", "-f", privateKey + ".pub").split("\\s+")[1];
    }

    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
