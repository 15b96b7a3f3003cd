package lobby.kiosk.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The static Pi check on the real distributions, fast and without emulation: every native
 * library a Pi loads from {@code lib/} is aarch64 and needs no newer glibc than the OS the
 * distribution is for has; every JavaFX jar is the linux-aarch64 build.
 */
class DistributionNativesIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(PiOs.class)
    void nativeCodeFitsTheOs(PiOs os) throws Exception {
        Path unpacked = Distributions.unpack(os.distribution(), dir);
        Path lib = unpacked.resolve("lib");

        List<String> problems = NativeLibraries.problems(lib, os);

        for (NativeLibraries.Library l : NativeLibraries.libraries(lib)) {
            System.out.printf("%s: %s (%s) needs %s%n", os.suite, l.name(), l.machine().label,
                    l.glibc() == null ? "no versioned glibc symbol" : "GLIBC_" + l.glibc());
        }
        assertEquals(List.of(), problems, "native code in " + os.distribution().getFileName() + " that "
                + os.suite + " (glibc " + os.glibc + ") cannot load");
    }

    @ParameterizedTest
    @EnumSource(PiOs.class)
    void theLibrariesThePiNeedsAreThere(PiOs os) throws IOException {
        Path lib = Distributions.unpack(os.distribution(), dir).resolve("lib");

        List<String> components = NativeLibraries.libraries(lib).stream()
                .map(l -> l.jar().replaceAll("-[0-9].*", "") + " " + l.machine().label).distinct().sorted().toList();
        assertEquals(List.of("javafx-graphics aarch64", "jssc aarch64", "pi4j-library-gpiod aarch64",
                "sqlite-jdbc aarch64"), components);
    }
}
