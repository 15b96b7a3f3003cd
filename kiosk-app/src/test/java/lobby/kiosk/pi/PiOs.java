package lobby.kiosk.pi;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 64-bit Raspberry Pi OS releases the kiosk supports, with what the checks need to know of
 * each: its Debian suite, its C library's version, its OpenJDK, and the kiosk distribution built
 * for it (trixie with JavaFX 21.0.12; bookworm with JavaFX 21.0.1, whose natives need glibc 2.36
 * at most).
 */
enum PiOs {
    TRIXIE("trixie", "Debian GNU/Linux 13 (trixie)", "2.41", "/usr/lib/jvm/java-21-openjdk-arm64/bin/java"),
    BOOKWORM("bookworm", "Debian GNU/Linux 12 (bookworm)", "2.36", "/usr/lib/jvm/java-17-openjdk-arm64/bin/java");

    /** Where Maven leaves the distributions (the tests run from the module's folder). */
    static final Path TARGET = Path.of("target");

    final String suite;
    /** os-release's PRETTY_NAME. */
    final String prettyName;
    final String glibc;
    /** The runtime inside the OS (Debian's path, without update-alternatives' links). */
    final String java;

    PiOs(String suite, String prettyName, String glibc, String java) {
        this.suite = suite;
        this.prettyName = prettyName;
        this.glibc = glibc;
        this.java = java;
    }

    /** The kiosk distribution for this OS: target/lobby-kiosk-VERSION-SUITE-aarch64.tar.gz. */
    Path distribution() throws IOException {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(TARGET, "lobby-kiosk-*-" + suite + "-aarch64.tar.gz")) {
            for (Path p : found) {
                return p;
            }
        }
        throw new AssertionError("no kiosk distribution for " + suite + " in " + TARGET.toAbsolutePath()
                + ": the package phase makes it (run the integration tests through Maven's verify)");
    }

    /** The Debian packages of this OS's emulated root, one a line (a test resource). */
    String packagesResource() {
        return suite + ".packages";
    }
}
