package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import lobby.printer.PtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jssc through a real pseudo-terminal pair: the kiosk's scanner opens one end, the test plays the
 * scanner on the other end with plain file streams (not jssc, so the two sides are independent).
 */
class SerialCodeScannerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private PtyPair pty;
    private SerialCodeScanner scanner;
    private final ScanCollector scans = new ScanCollector();

    @BeforeEach
    void plugIn() throws IOException {
        pty = PtyPair.start(dir);
        scanner = new SerialCodeScanner(config(pty.kioskPath()));
        scanner.start(scans);
        awaitOnline();
    }

    @AfterEach
    void unplug() {
        scanner.close();
        pty.close();
    }

    private static SerialScannerConfig config(Path port) {
        return new SerialScannerConfig(port.toString(), 9600, SerialScannerConfig.DEFAULT_REPEAT_WINDOW,
                Duration.ofMillis(100));
    }

    /** The port is purged when opened, so the test's scanner only talks once the kiosk listens. */
    private void awaitOnline() {
        Await.until("scanner online", scanner::health, h -> h.state() == State.ONLINE, DEADLINE);
    }

    /** The scanner end of the cable: {@link PtyPair#printerPath()} is simply the far end. */
    private void scannerSends(byte[] bytes) throws IOException {
        try (OutputStream far = new FileOutputStream(pty.printerPath().toFile())) {
            far.write(bytes);
        }
    }

    private void scannerSends(String text) throws IOException {
        scannerSends(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesFromTheScannerArriveAsScansInUtf8() throws IOException {
        scannerSends(Frames.APPOINTMENT + "\r\n" + Frames.CHINESE + "\r");

        Scan first = scans.next(DEADLINE, scanner::health);
        assertEquals(Frames.APPOINTMENT, first.text());
        assertEquals("scanner " + pty.kioskPath(), first.source());
        assertEquals(Frames.CHINESE, scans.next(DEADLINE, scanner::health).text());
    }

    @Test
    void theSameCodeScannedTwiceCountsOnce() throws IOException {
        scannerSends(Frames.APPOINTMENT + "\r");
        scannerSends(Frames.APPOINTMENT + "\r");
        scannerSends("A012-77\r");

        assertEquals(Frames.APPOINTMENT, scans.next(DEADLINE, scanner::health).text());
        assertEquals("A012-77", scans.next(DEADLINE, scanner::health).text());
    }

    @Test
    void garbageAndAnOverlongLineAreDiscardedWithHealthAndReadingGoesOn() throws IOException {
        scannerSends(new byte[] {'L', 'K', (byte) 0xC0, (byte) 0xAF, '\r'});
        DeviceHealth garbage = Await.until("garbage reported", scanner::health,
                h -> h.state() == State.DEGRADED, DEADLINE);
        assertEquals("line discarded: not UTF-8 at byte 3 of 4 (0xC0; scanner set to another code page?)",
                garbage.detail());

        scannerSends("x".repeat(5000) + "\r");
        Await.until("overlong reported", scanner::health,
                h -> h.detail().equals("line discarded: 5000 bytes, longer than 1024"), DEADLINE);

        scannerSends("\u0002A012\u0003\r");
        Await.until("control bytes reported", scanner::health, h -> h.detail().startsWith(
                "line discarded: control character U+0002 at character 1 of 6"), DEADLINE);

        scannerSends(Frames.APPOINTMENT + "\r");
        assertEquals(Frames.APPOINTMENT, scans.next(DEADLINE, scanner::health).text());
        assertEquals(State.ONLINE, scanner.health().state());
        assertEquals(0, scans.waiting());
    }

    @Test
    void anUnpluggedScannerGoesOfflineAndIsFoundWhenPluggedBackIn() throws IOException {
        pty.close();
        DeviceHealth gone = Await.until("offline", scanner::health, h -> h.state() == State.OFFLINE, DEADLINE);
        assertTrue(gone.detail().contains(pty.kioskPath().toString()), gone.detail());

        pty = PtyPair.start(dir);
        awaitOnline();
        scannerSends(Frames.APPOINTMENT + "\r");
        assertEquals(Frames.APPOINTMENT, scans.next(DEADLINE, scanner::health).text());
    }

    @Test
    void aMissingPortIsOfflineNamingIt() {
        Path missing = dir.resolve("ttyACM9");
        try (SerialCodeScanner absent = new SerialCodeScanner(config(missing))) {
            absent.start(scan -> { });
            DeviceHealth health = Await.until("offline", absent::health,
                    h -> h.detail().equals("port " + missing + " missing"), DEADLINE);
            assertEquals("scanner " + missing, health.device());
        }
    }
}
