package lobby.kiosk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lobby.checkin.VisitKind;
import lobby.device.DeviceHealth;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.kiosk.ui.WelcomeCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lobby-kiosk --config FILE --self-check DIR}: the kiosk as configured, once through. It
 * starts (store, devices, sync), opens the welcome screen when it would open its window, checks
 * a walk-in customer in (a real ticket, printed on the configured printer), and writes what it
 * found to {@code DIR/self-check.json} (and the welcome screen's picture to
 * {@code DIR/welcome.png}). For technicians in the field and for the emulated Pi check in CI.
 *
 * <p>Exit status 0 when the store opened and the customer got a number, 1 otherwise. A printer,
 * lamp or window that does not work is reported, not fatal: the kiosk itself goes on without
 * them too.
 */
final class SelfCheck {
    static final String REPORT = "self-check.json";
    static final String PICTURE = "welcome.png";
    /** Long enough for a cold start under emulation (about 30 s) on a busy machine. */
    static final Duration WINDOW_DEADLINE = Duration.ofSeconds(150);
    private static final Duration GETCONF_DEADLINE = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(SelfCheck.class);

    /** What {@code self-check.json} holds; null where a step did not get that far. */
    record Report(String version, String os, String arch, String javaVersion, String glibc, boolean ok,
                  StoreCheck store, CheckIn checkIn, Printer printer, List<Lamp> lamps, Window window,
                  Long welcomeShownMs) {
    }

    record StoreCheck(boolean ok, String file, String detail) {
    }

    record CheckIn(boolean ok, String ticket, String detail) {
    }

    record Printer(boolean printed, String detail, String health) {
    }

    record Lamp(String device, String state, String detail) {
        static Lamp of(DeviceHealth h) {
            return new Lamp(h.device(), h.state().name(), h.detail());
        }
    }

    /**
     * @param tried       false when the configuration (ui) does not open a window here
     * @param welcomeText the welcome title's text read from the live scene graph
     * @param image       the picture's file name in DIR, when written
     */
    record Window(boolean tried, boolean shown, String welcomeText, String renderer, String image, String detail) {
    }

    private SelfCheck() {
    }

    /** Runs the check and writes the report; returns the exit status. */
    static int run(KioskConfig config, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(PICTURE));
        Clock clock = Clock.systemDefaultZone();
        Consumer<String> out = System.out::println;
        Path storeFile = config.dataDir().resolve("kiosk.db");
        Kiosk kiosk;
        WelcomeCheck window = null;
        Window seen;
        try {
            if (KioskMain.useWindow(config)) {
                window = WelcomeCheck.open(() -> Kiosk.start(config, clock, out), dir.resolve(PICTURE), WINDOW_DEADLINE);
                kiosk = window.kiosk();
                WelcomeCheck.Outcome o = window.outcome();
                seen = new Window(true, o.shown(), o.welcomeText(), o.renderer(),
                        Files.exists(dir.resolve(PICTURE)) ? PICTURE : null, o.problem());
            } else {
                kiosk = Kiosk.start(config, clock, out);
                seen = new Window(false, false, null, null, null, "not opened: ui=" + config.ui()
                        + (config.ui().equals("auto") ? " and no DISPLAY or WAYLAND_DISPLAY" : ""));
            }
        } catch (RuntimeException e) {
            // Kiosk.start fails only when the store cannot be used: nothing else can be checked.
            LOG.error("self-check: the kiosk did not start", e);
            write(dir, new Report(KioskMain.version(), os(), arch(), javaVersion(), glibc(), false,
                    new StoreCheck(false, storeFile.toString(), String.valueOf(e)), null, null, List.of(), null, null));
            return 1;
        }
        try {
            CheckIn checkIn;
            Printer printer = null;
            try {
                ScanOutcome outcome = kiosk.desk().walkIn(VisitKind.REPAIR, true, null);
                if (outcome instanceof ScanOutcome.Issued issued) {
                    checkIn = new CheckIn(true, issued.ticket().number(), "walk-in (repair), advisor "
                            + (issued.advisor() == null ? "next free" : issued.advisor().name()));
                    printer = new Printer(issued.print().printed(), issued.print().message(),
                            String.valueOf(issued.print().health()));
                } else {
                    checkIn = new CheckIn(false, null, "no ticket: " + outcome);
                }
            } catch (RuntimeException e) {
                LOG.error("self-check: the walk-in failed", e);
                checkIn = new CheckIn(false, null, String.valueOf(e));
            }
            if (printer == null) {
                printer = new Printer(false, "nothing to print", String.valueOf(kiosk.printer().health()));
            }
            StoreCheck store = store(kiosk, storeFile);
            List<Lamp> lamps = kiosk.lamps().health().stream().map(Lamp::of).toList();
            boolean ok = store.ok() && checkIn.ok();
            Long shownMs = window != null && window.outcome().shown() ? window.outcome().shownMs() : null;
            write(dir, new Report(KioskMain.version(), os(), arch(), javaVersion(), glibc(), ok, store, checkIn,
                    printer, lamps, seen, shownMs));
            LOG.info("self-check {}: store {}, ticket {} {}, lamps {}, window {}; report in {}", ok ? "passed" : "FAILED",
                    store.ok() ? "ok" : "FAILED", checkIn.ticket(), printer.printed() ? "printed" : "NOT printed",
                    kiosk.lamps().health(), seen.shown() ? "shown" : "not shown", dir.resolve(REPORT));
            return ok ? 0 : 1;
        } finally {
            if (window != null) {
                window.close();
            }
            kiosk.close();
        }
    }

    private static StoreCheck store(Kiosk kiosk, Path file) {
        try {
            int pending = kiosk.store().outbox().pendingCount();
            return new StoreCheck(true, file.toString(), pending + " ops waiting for the back office");
        } catch (RuntimeException e) {
            return new StoreCheck(false, file.toString(), String.valueOf(e));
        }
    }

    private static void write(Path dir, Report report) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path tmp = dir.resolve(REPORT + ".tmp");
        Files.writeString(tmp, json.writeValueAsString(report), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(REPORT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** PRETTY_NAME of os-release(5), e.g. "Debian GNU/Linux 13 (trixie)". */
    static String os() {
        for (String file : List.of("/etc/os-release", "/usr/lib/os-release")) {
            try {
                for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                    if (line.startsWith("PRETTY_NAME=")) {
                        return line.substring("PRETTY_NAME=".length()).replaceAll("^[\"']|[\"']$", "");
                    }
                }
            } catch (IOException e) {
                // try the next one
            }
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static String arch() {
        return System.getProperty("os.arch");
    }

    static String javaVersion() {
        return System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    /** The C library's version as {@code getconf GNU_LIBC_VERSION} says it ("2.41"), or why not. */
    static String glibc() {
        try {
            Process p = new ProcessBuilder("getconf", "GNU_LIBC_VERSION").redirectErrorStream(true).start();
            if (!p.waitFor(GETCONF_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return "unknown (getconf did not answer within " + GETCONF_DEADLINE.toMillis() + " ms)";
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 ? said.replaceFirst("^glibc ", "") : "unknown (getconf: " + said + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }
}
