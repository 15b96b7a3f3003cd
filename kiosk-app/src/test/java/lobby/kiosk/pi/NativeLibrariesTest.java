package lobby.kiosk.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker can fail: JavaFX's real jars (copied to target/native-check by the build) against
 * each OS, and made-up jars for the cases no real jar of ours has.
 */
class NativeLibrariesTest {
    private static final Path JARS = Path.of("target", "native-check");
    private static final Path JAVAFX_21_0_12 = JARS.resolve("javafx-graphics-21.0.12-linux-aarch64.jar");
    private static final Path JAVAFX_21_0_1 = JARS.resolve("javafx-graphics-21.0.1-linux-aarch64.jar");
    private static final Path JAVAFX_X86 = JARS.resolve("javafx-graphics-21.0.12-linux.jar");

    @TempDir
    Path dir;

    @Test
    void javaFx21012NamesTheLibraryAndSymbolVersionBookwormLacks() throws IOException {
        List<String> problems = NativeLibraries.problems(List.of(JAVAFX_21_0_12), PiOs.BOOKWORM);

        String glass = problems.stream().filter(p -> p.contains("libglassgtk3.so")).findFirst()
                .orElseThrow(() -> new AssertionError("libglassgtk3.so not named: " + problems));
        assertTrue(glass.startsWith("javafx-graphics-21.0.12-linux-aarch64.jar!/libglassgtk3.so needs GLIBC_2.38 ("),
                glass);
        assertTrue(glass.contains("__isoc23_strtol"), "the symbols that need it: " + glass);
        assertTrue(glass.endsWith("bookworm has 2.36"), glass);
    }

    @Test
    void javaFx21012FitsTrixie() throws IOException {
        assertEquals(List.of(), NativeLibraries.problems(List.of(JAVAFX_21_0_12), PiOs.TRIXIE));
    }

    @Test
    void javaFx2101FitsBookworm() throws IOException {
        assertEquals(List.of(), NativeLibraries.problems(List.of(JAVAFX_21_0_1), PiOs.BOOKWORM));
    }

    @Test
    void theBuildMachinesJavaFxIsRefusedByNameAndByMachine() throws IOException {
        List<String> problems = NativeLibraries.problems(List.of(JAVAFX_X86), PiOs.TRIXIE);

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("javafx-graphics-21.0.12-linux.jar is not JavaFX's linux-aarch64 build"),
                problems.get(0));
        assertEquals("javafx-graphics-21.0.12-linux.jar has no aarch64 library where a Pi loads it from (the jar's"
                + " top): only x86-64", problems.get(1));
    }

    @Test
    void javaFxBaseWithoutClassifierIsRefusedThoughItHasNoNativeCode() throws IOException {
        Path base = jar("javafx-base-21.0.12.jar", "javafx/beans/Observable.class", new byte[] {1, 2, 3});

        assertEquals(List.of("javafx-base-21.0.12.jar is not JavaFX's linux-aarch64 build (its classifier is missing"
                + " or another platform's): the Pi cannot use it"), NativeLibraries.problems(List.of(base), PiOs.TRIXIE));
    }

    @Test
    void aSerialLibraryWithOnlyX86And32BitArmNativesIsNamed() throws IOException {
        Path jssc = jar("jssc-9.9.jar", "natives/linux_64/libjssc.so", elf(2, 0x3E),
                "natives/linux_arm/libjssc.so", elf(1, 0x28));

        assertEquals(List.of("jssc-9.9.jar has no aarch64 library where a Pi loads it from (natives/linux_arm64/):"
                + " only 32-bit ARM, x86-64"), NativeLibraries.problems(List.of(jssc), PiOs.TRIXIE));
    }

    @Test
    void nativeCodeFromAnUnknownJarMustBeDeclared() throws IOException {
        Path mystery = jar("mystery-1.0.jar", "linux/aarch64/libmystery.so", elf(2, 0xB7));

        List<String> problems = NativeLibraries.problems(List.of(mystery), PiOs.TRIXIE);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("add it to NativeLibraries.PI_NATIVES"), problems.get(0));
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertTrue(NativeLibraries.compare("2.38", "2.36") > 0);
        assertTrue(NativeLibraries.compare("2.38", "2.4") > 0);
        assertTrue(NativeLibraries.compare("2.17", "2.36") < 0);
        assertEquals(0, NativeLibraries.compare("2.36", "2.36.0"));
    }

    /** The first 20 bytes of a little-endian ELF file: enough for the machine, not for readelf. */
    private static byte[] elf(int elfClass, int machine) {
        byte[] h = new byte[64];
        h[0] = 0x7f;
        h[1] = 'E';
        h[2] = 'L';
        h[3] = 'F';
        h[4] = (byte) elfClass;
        h[5] = 1;
        h[6] = 1;
        h[18] = (byte) machine;
        h[19] = (byte) (machine >> 8);
        return h;
    }

    /** A jar of name/bytes pairs. */
    private Path jar(String name, Object... entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) entries[i]));
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
