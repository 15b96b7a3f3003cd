package lobby.kiosk.pi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The static half of the Pi check: does the native code in a distribution's jars fit the OS it
 * is built for? Without emulation: the ELF header says which machine a library is for, and
 * {@code readelf -V --dyn-syms --wide} (binutils) which glibc symbol versions it needs — the
 * dynamic linker refuses to load a library needing a newer one ("GLIBC_2.38 not found").
 *
 * <p>Checked, for every jar in {@code lib/}: the libraries a 64-bit Pi loads from it are there
 * and are aarch64 (not only x86-64 or 32-bit ARM ones), none needs a newer glibc than the OS
 * has, and every JavaFX jar is the linux-aarch64 build (a JavaFX jar without the classifier is
 * the build machine's, x86-64).
 */
final class NativeLibraries {
    /**
     * Where each library with native code keeps what a 64-bit Pi (glibc Linux, aarch64) loads,
     * by jar name prefix. A jar with native code that is not listed here is reported: say here
     * where the Pi takes its natives from before it ships.
     */
    static final Map<String, String> PI_NATIVES = Map.of(
            "jssc-", "natives/linux_arm64/",
            "sqlite-jdbc-", "org/sqlite/native/Linux/aarch64/",
            "pi4j-library-gpiod-", "lib/aarch64/",
            "javafx-graphics-", "");
    private static final Pattern NEEDS = Pattern.compile("Name: GLIBC_([0-9.]+)");
    private static final Pattern SYMBOL = Pattern.compile(" UND ([^@ ]+)@GLIBC_([0-9.]+)");
    private static final long READELF_DEADLINE_S = 30;

    /** The machine an ELF file is for, from its header. */
    enum Machine {
        AARCH64("aarch64"), X86_64("x86-64"), ARM32("32-bit ARM"), X86("32-bit x86"), OTHER("another machine"),
        NOT_ELF("not an ELF library");

        final String label;

        Machine(String label) {
            this.label = label;
        }

        static Machine of(byte[] header) {
            if (header.length < 20 || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
                return NOT_ELF;
            }
            boolean is64 = header[4] == 2;
            int machine = (header[18] & 0xff) | (header[19] & 0xff) << 8; // little-endian e_machine
            return switch (machine) {
                case 0xB7 -> is64 ? AARCH64 : OTHER;
                case 0x3E -> is64 ? X86_64 : OTHER;
                case 0x28 -> ARM32;
                case 0x03 -> X86;
                default -> OTHER;
            };
        }
    }

    /**
     * One library a Pi loads from a jar.
     *
     * @param glibc   the highest GLIBC_x.y it needs, or null for none
     * @param symbols the symbols that need that version
     */
    record Library(String jar, String entry, Machine machine, String glibc, List<String> symbols) {
        String name() {
            return jar + "!/" + entry;
        }
    }

    private NativeLibraries() {
    }

    /** What does not fit {@code os} in the jars of {@code lib}; empty when everything does. */
    static List<String> problems(Path lib, PiOs os) throws IOException {
        return problems(jars(lib), os);
    }

    static List<String> problems(List<Path> jars, PiOs os) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (name.startsWith("javafx-") && !name.endsWith("-linux-aarch64.jar")) {
                problems.add(name + " is not JavaFX's linux-aarch64 build (its classifier is missing or another"
                        + " platform's): the Pi cannot use it");
            }
            problems.addAll(jarProblems(jar, os));
        }
        return problems;
    }

    private static List<String> jarProblems(Path jar, PiOs os) throws IOException {
        String name = jar.getFileName().toString();
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> natives = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (isNative(entry)) {
                    natives.add(entry);
                }
            }
            if (natives.isEmpty()) {
                return problems;
            }
            String piPath = PI_NATIVES.entrySet().stream().filter(p -> name.startsWith(p.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (piPath == null) {
                problems.add(name + " carries native code (" + natives.get(0).getName() + ", ...) that this check does"
                        + " not know where a Pi loads from: add it to NativeLibraries.PI_NATIVES");
                return problems;
            }
            List<ZipEntry> forPi = natives.stream().filter(e -> inFolder(e.getName(), piPath)).toList();
            TreeSet<String> others = new TreeSet<>();
            List<Library> libraries = new ArrayList<>();
            for (ZipEntry entry : forPi) {
                Library library = library(zip, name, entry);
                if (library.machine() == Machine.AARCH64) {
                    libraries.add(library);
                } else {
                    others.add(library.machine().label);
                }
            }
            if (libraries.isEmpty()) {
                for (ZipEntry entry : natives) {
                    others.add(Machine.of(header(zip, entry)).label);
                }
                problems.add(name + " has no aarch64 library where a Pi loads it from ("
                        + (piPath.isEmpty() ? "the jar's top" : piPath) + "): only " + String.join(", ", others));
            }
            for (Library library : libraries) {
                if (library.glibc() != null && compare(library.glibc(), os.glibc) > 0) {
                    problems.add(library.name() + " needs GLIBC_" + library.glibc() + " ("
                            + String.join(", ", library.symbols()) + "), " + os.suite + " has " + os.glibc);
                }
            }
        }
        return problems;
    }

    /** Every library a Pi loads from the jars in {@code lib}, with the glibc each needs. */
    static List<Library> libraries(Path lib) throws IOException {
        List<Library> all = new ArrayList<>();
        for (Path jar : jars(lib)) {
            String name = jar.getFileName().toString();
            String piPath = PI_NATIVES.entrySet().stream().filter(p -> name.startsWith(p.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (piPath == null) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                    ZipEntry entry = e.nextElement();
                    if (isNative(entry) && inFolder(entry.getName(), piPath)) {
                        all.add(library(zip, name, entry));
                    }
                }
            }
        }
        return all;
    }

    static List<Path> jars(Path lib) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(lib, "*.jar")) {
            found.forEach(jars::add);
        }
        jars.sort(null);
        if (jars.isEmpty()) {
            throw new AssertionError("no jars in " + lib);
        }
        return jars;
    }

    private static boolean isNative(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().matches(".*\\.so(\\.[0-9]+)*");
    }

    /** {@code folder} "" is the jar's top: its own files, not those in subfolders. */
    private static boolean inFolder(String entry, String folder) {
        return folder.isEmpty() ? !entry.contains("/") : entry.startsWith(folder);
    }

    private static Library library(ZipFile zip, String jar, ZipEntry entry) throws IOException {
        Machine machine = Machine.of(header(zip, entry));
        if (machine != Machine.AARCH64) {
            return new Library(jar, entry.getName(), machine, null, List.of());
        }
        Path file = Files.createTempFile("native-", ".so");
        try {
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String said = readelf(file);
            String highest = null;
            Matcher needs = NEEDS.matcher(said);
            while (needs.find()) {
                if (highest == null || compare(needs.group(1), highest) > 0) {
                    highest = needs.group(1);
                }
            }
            TreeSet<String> symbols = new TreeSet<>();
            Matcher symbol = SYMBOL.matcher(said);
            while (symbol.find()) {
                if (symbol.group(2).equals(highest)) {
                    symbols.add(symbol.group(1));
                }
            }
            return new Library(jar, entry.getName(), machine, highest, List.copyOf(symbols));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] header(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(20);
        }
    }

    private static String readelf(Path file) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("readelf", "-V", "--dyn-syms", "--wide", file.toString()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("readelf is missing: install binutils (.ci/system-packages does as root)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(READELF_DEADLINE_S, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError("readelf failed on " + file + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading " + file, e);
        }
        return out;
    }

    /** Compares dotted versions number by number: 2.38 is newer than 2.36 and than 2.4. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
