package lobby.provision.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lobby.provision.ProvisionException;
import lobby.provision.ssh.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tarballs made by GNU tar, in the formats a release build may produce. */
class ReleaseTest {
    @TempDir
    Path dir;

    @Test
    void theVersionComesFromTheVersionFileInsideOneFolder() throws Exception {
        Path tarball = tar("lobby-kiosk-0.3.0.tar.gz", "lobby-kiosk-0.3.0", "0.3.1\n", List.of());

        Release release = Release.load(tarball, null);

        assertEquals("0.3.1", release.version());
        assertEquals("lobby-kiosk-0.3.0/", release.topDir());
        assertEquals(TestKeys.run("sha256sum", tarball.toString()).split("\\s+")[0], release.sha256());
    }

    @Test
    void flatArchivesWithDotSlashNamesAreUnderstood() throws Exception {
        Path tarball = tar("kiosk.tgz", ".", "0.4.0", List.of());

        Release release = Release.load(tarball, null);

        assertEquals("0.4.0", release.version());
        assertEquals("", release.topDir());
    }

    @Test
    void withoutVersionFileTheNameIsTheVersionAndVersionOverridesBoth() throws Exception {
        Path tarball = tar("0.5.0-rc1.tar.gz", "app", null, List.of());

        assertEquals("0.5.0-rc1", Release.load(tarball, null).version());
        assertEquals("0.5.0", Release.load(tarball, "0.5.0").version());
    }

    @Test
    void longNamesInGnuAndPaxFormatsAreRead() throws Exception {
        String folder = "lobby-kiosk-" + "x".repeat(100);
        for (String format : List.of("gnu", "pax")) {
            Path tarball = tar(format + ".tar.gz", folder, "1.0.0", List.of("--format=" + format));

            Release release = Release.load(tarball, null);

            assertEquals("1.0.0", release.version(), format);
            assertEquals(folder + "/", release.topDir(), format);
        }
    }

    @Test
    void anArchiveWithoutTheLauncherIsNotADistribution() throws Exception {
        Path content = dir.resolve("c");
        Files.createDirectories(content.resolve("lib"));
        Files.writeString(content.resolve("lib/a.jar"), "x");
        Path tarball = dir.resolve("other.tar.gz");
        TestKeys.run("tar", "-czf", tarball.toString(), "-C", content.toString(), ".");

        ProvisionException e = assertThrows(ProvisionException.class, () -> Release.load(tarball, null));

        assertTrue(e.getMessage().contains("holds no bin/lobby-kiosk"), e.getMessage());
    }

    @Test
    void aVersionThatCannotBeAFolderNameIsRefused() throws Exception {
        Path tarball = tar("a.tar.gz", "app", "1.0; rm -rf /", List.of());

        ProvisionException e = assertThrows(ProvisionException.class, () -> Release.load(tarball, null));

        assertTrue(e.getMessage().contains("give one with --version"), e.getMessage());
    }

    @Test
    void notAGzipIsExplained() throws IOException {
        Path file = dir.resolve("broken.tar.gz");
        Files.writeString(file, "not gzip");

        ProvisionException e = assertThrows(ProvisionException.class, () -> Release.load(file, null));

        assertTrue(e.getMessage().contains("is not a readable .tar.gz"), e.getMessage());
    }

    /** @param top "." for a flat archive, else the folder everything is in */
    private Path tar(String name, String top, String version, List<String> options) throws Exception {
        Path staging = Files.createTempDirectory(dir, "staging");
        Path root = top.equals(".") ? staging : staging.resolve(top);
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("bin/lobby-kiosk"), "#!/bin/sh\n");
        Files.write(root.resolve("lib/kiosk-app.jar"), new byte[10_000]);
        if (version != null) {
            Files.writeString(root.resolve("VERSION"), version);
        }
        Path tarball = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("tar", "-czf", tarball.toString()));
        command.addAll(options);
        command.addAll(List.of("-C", staging.toString(), top));
        TestKeys.run(command.toArray(String[]::new));
        return tarball;
    }
}
