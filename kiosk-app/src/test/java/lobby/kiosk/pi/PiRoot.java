package lobby.kiosk.pi;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The arm64 roots of the emulated Pi check: made by {@code pi-root.sh} from Debian's own arm64
 * packages and kept outside the work tree ({@value #CACHE_ENV}, default
 * {@code /var/cache/lobby-pi-roots}), one per OS named after a digest of its package list and
 * the build script, so that changing either builds a new root (and removes the old one).
 * Entering a root is {@code pi-run.sh}'s job: a mount namespace, a Pi's identity, a chroot.
 */
final class PiRoot {
    static final String CACHE_ENV = "LOBBY_PI_ROOTS";
    static final Path DEFAULT_CACHE = Path.of("/var/cache/lobby-pi-roots");
    /** Downloading about 150 MB and unpacking 200 packages; about 30-120 s here. */
    static final Duration BUILD_DEADLINE = Duration.ofMinutes(15);
    /** The device tree's model string of the emulated board (a Pi 4, matching cpuinfo). */
    static final String MODEL = "Raspberry Pi 4 Model B Rev 1.4";
    /**
     * qemu's CPU: the Pi 4's own Cortex-A72. qemu's default ("max") also emulates pointer
     * authentication, which Debian's arm64 binaries use on every call, and is several times
     * slower: a cold start took over two minutes instead of about 30 s.
     */
    static final String QEMU_CPU = "cortex-a72";
    /** The kiosk's user in the root (pi-root.sh makes it; pi-run.sh runs the command as it). */
    static final int KIOSK_UID = 1000;
    /** Debian's dialout group, which owns serial ports and which the kiosk's user is in. */
    static final int DIALOUT_GID = 20;

    /**
     * A root ready to enter.
     *
     * @param reused true when it came from the cache
     * @param took   how long making (or finding) it took
     */
    record Ready(PiOs os, Path root, boolean reused, Duration took) {
    }

    private PiRoot() {
    }

    /** The cached root for {@code os}, built first when there is none for its package list. */
    static Ready ready(PiOs os) throws IOException, InterruptedException {
        long start = System.nanoTime();
        requireHost();
        Path cache = Path.of(System.getenv().getOrDefault(CACHE_ENV, DEFAULT_CACHE.toString()));
        Files.createDirectories(cache);
        Path packages = resource(os.packagesResource());
        Path root = cache.resolve(os.suite + "-" + key(packages, resource("pi-root.sh")));
        try (FileChannel lockFile = FileChannel.open(cache.resolve(os.suite + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            boolean reused = Files.isDirectory(root);
            if (!reused) {
                build(os, packages, root, cache.resolve(os.suite + "-build.log"));
                removeOthers(cache, os, root);
            }
            return new Ready(os, root, reused, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * The command that runs {@code command} inside the root as on a Pi (see pi-run.sh), as the
     * kiosk's user: {@code work} is /run/lobby there (the user must be able to write it),
     * {@code dist} /opt/lobby-kiosk; X11 on {@code display}; the kiosk's launcher is told the
     * root's java and the data folder under /run/lobby.
     */
    static ProcessBuilder command(Ready ready, Path work, Path dist, String display, List<String> command)
            throws IOException {
        List<String> all = new ArrayList<>(List.of("sh", resource("pi-run.sh").toString(), ready.root().toString(),
                resource("cpuinfo").toString(), MODEL, work.toAbsolutePath().toString(), dist.toAbsolutePath().toString()));
        all.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(all);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", "/home/kiosk"); // on the read-only root, as the service user's home is
        env.put("LANG", "C.UTF-8");
        env.put("DISPLAY", display);
        // As under cage with XWayland on the Pi: JavaFX has no Wayland backend.
        env.put("GDK_BACKEND", "x11");
        env.put("QEMU_CPU", QEMU_CPU);
        env.put("JAVA", ready.os().java);
        env.put("LOBBY_KIOSK_DATA", "/run/lobby/data");
        return pb;
    }

    private static void requireHost() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("the emulated Pi check needs root (a chroot, bind mounts in a mount namespace,"
                    + " binfmt_misc for qemu); running as " + System.getProperty("user.name"));
        }
        for (String tool : List.of("qemu-aarch64-static", "unshare", "chroot", "apt-get", "dpkg-deb")) {
            if (!onPath(tool)) {
                throw new AssertionError(tool + " is missing: the emulated Pi check needs qemu-user-static, util-linux,"
                        + " apt and dpkg (.ci/system-packages installs them as root)");
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void build(PiOs os, Path packages, Path root, Path log) throws IOException, InterruptedException {
        System.out.printf("emulated Pi (%s): building the arm64 root %s from Debian's packages (log: %s)%n",
                os.suite, root, log);
        Process p = new ProcessBuilder("sh", resource("pi-root.sh").toString(), os.suite, packages.toString(),
                root.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(BUILD_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("building the arm64 root of " + os.suite + " took over "
                    + BUILD_DEADLINE.toMinutes() + " min: " + tail(log));
        }
        if (p.exitValue() != 0 || !Files.isDirectory(root)) {
            throw new AssertionError("cannot build the arm64 root of " + os.suite + " in " + root
                    + " (it needs Debian's arm64 packages from the mirror: is the network there?): " + tail(log));
        }
        List<String> said = Files.readAllLines(log, StandardCharsets.UTF_8);
        System.out.printf("emulated Pi (%s): %s%n", os.suite, said.isEmpty() ? "" : said.get(said.size() - 1));
    }

    /** Roots of the same OS for other package lists: replaced by this one. */
    private static void removeOthers(Path cache, PiOs os, Path keep) throws IOException, InterruptedException {
        List<String> rm = new ArrayList<>(List.of("rm", "-rf", "--one-file-system"));
        try (DirectoryStream<Path> found = Files.newDirectoryStream(cache, os.suite + "-*")) {
            for (Path p : found) {
                if (Files.isDirectory(p) && !p.equals(keep)) {
                    rm.add(p.toString());
                }
            }
        }
        if (rm.size() > 3) {
            new ProcessBuilder(rm).inheritIO().start().waitFor(BUILD_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The first 12 hex digits of SHA-256 over the files. */
    private static String key(Path... files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }

    /** The scripts and data beside this class (src/test/resources/lobby/kiosk/pi). */
    static Path resource(String name) {
        try {
            var url = PiRoot.class.getResource(name);
            if (url == null) {
                throw new AssertionError("test resource lobby/kiosk/pi/" + name + " is missing");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
