package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import lobby.device.DeviceException;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import lobby.serial.SerialSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serial scanner's logic on scripted links; the real port is in SerialCodeScannerIT. */
class SerialCodeScannerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final SerialScannerConfig CONFIG = new SerialScannerConfig("/dev/ttyTEST", 9600,
            Duration.ofSeconds(3), Duration.ofMillis(20));

    /** Reopens quickly so tests see it; tests that look at the state between reopens make it slow. */
    private SerialScannerConfig config = CONFIG;
    private final MutableClock clock = new MutableClock("2026-11-22T01:00:00Z");
    private final ScanCollector scans = new ScanCollector();
    private final Deque<Object> opens = new ArrayDeque<>();
    private SerialSettings openedWith;
    private SerialCodeScanner scanner;

    /** Each open hands out the next link, or throws the next exception; then it keeps failing. */
    private SerialCodeScanner scanner(Object... inOrder) {
        opens.addAll(List.of(inOrder));
        scanner = new SerialCodeScanner(config, settings -> {
            openedWith = settings;
            Object next = opens.isEmpty() ? new DeviceException("port /dev/ttyTEST missing") : opens.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (ScriptedLink) next;
        }, clock);
        scanner.start(scans);
        return scanner;
    }

    @AfterEach
    void close() {
        if (scanner != null) {
            scanner.close();
        }
    }

    @Test
    void linesSplitAcrossReadsBecomeScansOnceEach() {
        ScriptedLink link = new ScriptedLink().send("LKA1.demo.2026").send("1122-01.pCSS-6-oPRQb06JuSucnyQ\r")
                .send(Frames.APPOINTMENT + "\r\n").send(Frames.CHINESE + "\r\n");
        scanner(link);

        assertEquals(new Scan(Frames.APPOINTMENT, "scanner /dev/ttyTEST", clock.instant()), scans.next(DEADLINE, scanner::health));
        assertEquals(Frames.CHINESE, scans.next(DEADLINE, scanner::health).text(), "the repeat in between was dropped");
        assertEquals(new SerialSettings("/dev/ttyTEST", 9600, 8, SerialSettings.Parity.NONE,
                SerialSettings.FlowControl.NONE, SerialScannerConfig.READ_WAIT, SerialSettings.DEFAULT_WRITE_TIMEOUT),
                openedWith);
    }

    @Test
    void garbageIsDiscardedWithAHealthDetailAndTheNextLineIsRead() {
        ScriptedLink link = new ScriptedLink().send(new byte[] {(byte) 0xFF, (byte) 0xFE, 'A', '\r'});
        scanner(link);
        DeviceHealth degraded = Await.until("degraded", scanner::health, h -> h.state() == State.DEGRADED, DEADLINE);
        assertEquals("line discarded: not UTF-8 at byte 1 of 3 (0xFF; scanner set to another code page?)",
                degraded.detail());

        link.send("A012-77\r");
        assertEquals("A012-77", scans.next(DEADLINE, scanner::health).text());
        assertEquals(State.ONLINE, scanner.health().state());
    }

    @Test
    void anOverlongLineIsDiscardedAndTheBufferStaysBounded() {
        ScriptedLink link = new ScriptedLink();
        for (int i = 0; i < 40; i++) {
            link.send("0123456789".repeat(25)); // 10 000 bytes without a line end
        }
        link.send("\r" + Frames.APPOINTMENT + "\r");
        scanner(link);

        assertEquals(Frames.APPOINTMENT, scans.next(DEADLINE, scanner::health).text());
        assertEquals(0, scans.waiting());
    }

    @Test
    void aMissingPortIsOfflineNamingItAndIsOpenedWhenItAppears() {
        DeviceException missing = new DeviceException("port /dev/ttyTEST missing");
        scanner(missing, missing, new ScriptedLink().send("A012-77\n"));

        assertEquals("A012-77", scans.next(DEADLINE, scanner::health).text());
    }

    @Test
    void whileThePortIsMissingHealthSaysSo() {
        scanner();
        DeviceHealth offline = Await.until("offline", scanner::health,
                h -> h.detail().equals("port /dev/ttyTEST missing"), DEADLINE);
        assertEquals("scanner /dev/ttyTEST: OFFLINE (port /dev/ttyTEST missing)", offline.toString());
    }

    @Test
    void aReadFailureClosesTheLinkAndReopensThePort() {
        ScriptedLink first = new ScriptedLink().send("half a co").failNextRead();
        ScriptedLink second = new ScriptedLink().send("A012-77\r");
        scanner(first, second);

        assertEquals("A012-77", scans.next(DEADLINE, scanner::health).text(), "the half line before the failure was forgotten");
        assertTrue(first.closed());
    }

    @Test
    void anUnexpectedFailureIsReportedAndThePortReopened() {
        ScriptedLink broken = new ScriptedLink().breakNextRead();
        scanner(broken, new IllegalArgumentException("bad path"), new ScriptedLink().send("A012-77\r"));

        assertEquals("A012-77", scans.next(DEADLINE, scanner::health).text());
        assertTrue(broken.closed());
    }

    @Test
    void anUnexpectedFailureShowsInHealth() {
        config = new SerialScannerConfig("/dev/ttyTEST", 9600, Duration.ofSeconds(3), Duration.ofMinutes(1));
        scanner(new ScriptedLink().breakNextRead());
        Await.until("offline", scanner::health, h -> h.detail().equals(
                "unexpected failure: java.lang.IllegalStateException: bug in the link"), DEADLINE);
    }

    @Test
    void closeStopsReadingClosesTheLinkAndGoesOffline() {
        ScriptedLink link = new ScriptedLink().send("A012-77\r");
        scanner(link);
        scans.next(DEADLINE, scanner::health);

        scanner.close();

        assertTrue(link.closed());
        assertEquals("scanner /dev/ttyTEST: OFFLINE (closed)", scanner.health().toString());
    }
}
