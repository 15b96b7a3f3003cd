package lobby.kiosk.pi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The kiosk's distribution tarballs, unpacked as the provisioning tool unpacks them on a Pi. */
final class Distributions {
    private static final long TAR_DEADLINE_S = 60;

    private Distributions() {
    }

    /** Unpacks {@code tarball} into a new folder in {@code parent}, named after it; returns the folder. */
    static Path unpack(Path tarball, Path parent) throws IOException {
        Path into = parent.resolve(tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", ""));
        Files.createDirectories(into);
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String said = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!tar.waitFor(TAR_DEADLINE_S, TimeUnit.SECONDS) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new AssertionError("cannot unpack " + tarball + ": " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while unpacking " + tarball, e);
        }
        return into;
    }
}
