package lobby.kiosk.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import lobby.printer.DecodedTicket;
import lobby.printer.FakePrinter;
import lobby.printer.PtyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8, field readiness: the kiosk starts on a 64-bit Raspberry Pi OS, proved by emulation.
 * For each supported OS, the real distribution built for it is unpacked into an arm64 root made
 * of Debian's own packages (the OS's OpenJDK, GTK 3, Mesa, the CJK font), given a Pi 4's
 * identity, and started with its launcher under qemu's user-mode emulation as systemd starts it
 * on a Pi (the kiosk's own user in the dialout and gpio groups, a read-only root, the data
 * folder writable), in self-check mode: the printer on a pseudo-terminal read by a fake
 * printer, the lamps on gpiod with no GPIO chip, the window on an Xvfb display, no back office.
 *
 * <p>What this proves: every native library the kiosk needs (SQLite's, jssc's, Pi4J's gpiod,
 * JavaFX's GTK glass and prism) loads and works on that OS's glibc and libraries; the CJK text
 * renders. What it cannot: real GPIO, a real GPU (JavaFX refuses Mesa's software renderer for
 * its OpenGL pipeline and draws in software), a Pi's speed (the cold start printed is
 * emulated: a figure, not a target).
 *
 * <p>The roots are cached (see {@link PiRoot}); building one needs the Debian mirror, and
 * without it the test fails saying so.
 */
class EmulatedPiIT {
    /** The welcome screen's title in Chinese, the language a kiosk starts in (WelcomeScreen). */
    static final String WELCOME = "欢迎光临，请扫描预约二维码";
    /** What the runs leave for a person to look at: report, picture and log per OS. */
    static final Path REPORTS = Path.of("target", "emulated-pi");
    /** A cold start here takes 30-80 s; the self-check gives the window 150 s. */
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(5);
    private static final Duration PRINT_DEADLINE = Duration.ofSeconds(30);
    private static Xvfb display;
    private static long classStarted;

    @TempDir
    Path dir;

    @BeforeAll
    static void display() throws Exception {
        classStarted = System.nanoTime();
        Files.createDirectories(REPORTS);
        display = Xvfb.start(REPORTS.resolve("xvfb.log"));
    }

    @AfterAll
    static void stopDisplay() {
        if (display != null) {
            display.close();
        }
        System.out.printf("emulated Pi: both OSes checked in %.1f s%n", (System.nanoTime() - classStarted) / 1e9);
    }

    @ParameterizedTest
    @EnumSource(PiOs.class)
    void theKioskStartsChecksInPrintsAndShowsItsWelcomeScreen(PiOs os) throws Exception {
        long started = System.nanoTime();
        PiRoot.Ready root = PiRoot.ready(os);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path dist = Distributions.unpack(os.distribution(), dir);
        Path reports = Files.createDirectories(REPORTS.resolve(os.suite));
        for (String f : List.of("self-check.json", "welcome.png")) {
            Files.deleteIfExists(reports.resolve(f)); // a previous run's would mislead
        }
        Path log = reports.resolve("kiosk.log");
        try (PtyPair pty = PtyPair.start(work); FakePrinter printer = FakePrinter.attach(pty)) {
            // The kiosk's user owns its folder; the printer's port is root's and dialout's, as a
            // Pi's /dev/ttyUSB0 is.
            Files.setAttribute(work, "unix:uid", PiRoot.KIOSK_UID);
            Path tty = pty.kioskPath().toRealPath();
            Files.setAttribute(tty, "unix:gid", PiRoot.DIALOUT_GID);
            Files.setPosixFilePermissions(tty, PosixFilePermissions.fromString("rw-rw----"));
            Files.writeString(work.resolve("kiosk.properties"), String.join("\n",
                    "site=demo",
                    "kiosk=pi-" + os.suite,
                    "data=/run/lobby/data",
                    "backoffice=http://127.0.0.1:" + closedPort(),
                    "devices=hardware",
                    "printer.port=/run/lobby/" + pty.kioskPath().getFileName(),
                    "lamps.driver=gpiod",
                    "lamps.pins=1:17,2:27",
                    "scanner.driver=none",
                    "ui=window", ""), StandardCharsets.UTF_8);

            long run = System.nanoTime();
            Process kiosk = PiRoot.command(root, work, dist, display.display(), List.of("/opt/lobby-kiosk/bin/lobby-kiosk",
                    "--config", "/run/lobby/kiosk.properties", "--self-check", "/run/lobby/out"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!kiosk.waitFor(RUN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                kiosk.destroyForcibly().waitFor();
                throw new AssertionError("the kiosk on emulated " + os.suite + " did not finish its self-check within "
                        + RUN_DEADLINE.toMinutes() + " min; its log: " + log.toAbsolutePath());
            }
            double runSeconds = (System.nanoTime() - run) / 1e9;
            String said = Files.readString(log, StandardCharsets.UTF_8);
            Path out = work.resolve("out");
            for (String f : List.of("self-check.json", "welcome.png")) {
                if (Files.exists(out.resolve(f))) {
                    Files.copy(out.resolve(f), reports.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            assertTrue(Files.exists(out.resolve("self-check.json")), "no self-check.json; the kiosk said:\n" + said);
            JsonNode report = new ObjectMapper().readTree(out.resolve("self-check.json").toFile());
            String context = "\nreport: " + report.toPrettyString() + "\nlog: " + log.toAbsolutePath();

            assertEquals(0, kiosk.exitValue(), "the self-check's exit status" + context);
            assertEquals(os.prettyName, report.get("os").asText(), context);
            assertEquals("aarch64", report.get("arch").asText(), context);
            assertEquals(os.glibc, report.get("glibc").asText(), "getconf ran inside the root" + context);

            // SQLite's aarch64 native code opened the store and took the check-in.
            assertTrue(report.at("/store/ok").asBoolean(), context);
            assertEquals("/run/lobby/data/kiosk.db", report.at("/store/file").asText(), context);
            assertTrue(Files.size(work.resolve("data/kiosk.db")) > 0, "the store's file on the data folder");
            assertTrue(report.at("/checkIn/ok").asBoolean(), context);
            String number = report.at("/checkIn/ticket").asText();
            assertFalse(number.isBlank(), context);

            // jssc's aarch64 native code wrote the ticket to the serial port.
            DecodedTicket paper = printer.awaitTicket(PRINT_DEADLINE);
            assertTrue(paper.text().contains(number), "the printed ticket has number " + number + ": " + paper.text());
            assertTrue(report.at("/printer/printed").asBoolean(), context);

            // Pi4J took the machine for a Pi 4, loaded its gpiod native code and found no chip.
            assertTrue(said.contains("Detected board model: Raspberry Pi 4 Model B"), "Pi4J's board detection" + context);
            assertTrue(said.contains("Couldn't identify gpiochip!"),
                    "Pi4J's native gpiod code looked for a chip" + context);
            assertFalse(said.contains("UnsatisfiedLinkError") || said.contains("board model is unknown"), context);
            // Everything the kiosk writes goes to its data folder: the root is read-only.
            assertFalse(said.contains("Read-only file system") || said.contains("Permission denied"), context);
            assertEquals(2, report.get("lamps").size(), context);
            for (JsonNode lamp : report.get("lamps")) {
                assertEquals("OFFLINE", lamp.get("state").asText(), context);
                assertTrue(lamp.get("detail").asText().startsWith("no GPIO chip /dev/gpiochip0"), context);
            }

            // JavaFX's GTK glass and prism opened the window; the Chinese text is there and drawn.
            assertTrue(report.at("/window/shown").asBoolean(), context);
            assertEquals(WELCOME, report.at("/window/welcomeText").asText(), context);
            assertDrawn(out.resolve("welcome.png"));

            long coldStart = report.get("welcomeShownMs").asLong();
            System.out.printf("emulated Pi (%s, glibc %s, %s): cold start to the welcome screen %,d ms (emulated:"
                            + " a figure, not a target; renderer %s); root %s in %.1f s; self-check run %.1f s;"
                            + " whole test %.1f s%n",
                    os.suite, report.get("glibc").asText(), report.get("javaVersion").asText(), coldStart,
                    report.at("/window/renderer").asText(), root.reused() ? "reused" : "built",
                    root.took().toMillis() / 1e3, runSeconds, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Not blank: more than two colours, and none covers more than 99% of the picture. */
    static void assertDrawn(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        int most = colours.values().stream().max(Integer::compare).orElse(0);
        assertTrue(colours.size() > 2, png + " has " + colours.size() + " colours");
        assertTrue(most < 0.99 * pixels, png + ": one colour covers " + most + " of " + pixels + " pixels");
    }

    /** A loopback port nobody listens on: the back office is away, as it may be on a Pi. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
