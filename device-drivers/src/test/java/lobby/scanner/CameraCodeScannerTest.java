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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The camera scanner's loop on recorded frames: no process, no camera. */
class CameraCodeScannerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Frame NOTHING = Frames.of(Frames.scene(null, 1));
    private static final Frame APPOINTMENT = Frames.of(Frames.scene(Frames.code(Frames.APPOINTMENT, 220), 2));
    private static final Frame CHINESE = Frames.of(Frames.scene(Frames.code(Frames.CHINESE, 220), 3));

    private final MutableClock clock = new MutableClock("2026-11-22T01:00:00Z");
    private final ScanCollector scans = new ScanCollector();
    /** What each start of the "command" gives: a recording, or a failure to start. */
    private final Deque<Object> starts = new ArrayDeque<>();
    /** What every start gives once {@link #starts} is used up; a live camera with nothing in view by default. */
    private Object afterwards;
    /** Short, so restarts happen within a test; long where a test looks at the state between them. */
    private Duration restartDelay = Duration.ofMillis(20);
    private CameraCodeScanner scanner;

    private CameraCodeScanner scanner(Object... startsInOrder) {
        starts.addAll(List.of(startsInOrder));
        scanner = new CameraCodeScanner("camera test", () -> {
            Object next = !starts.isEmpty() ? starts.poll() : afterwards != null ? afterwards : RecordedFrames.holding();
            if (next instanceof DeviceException e) {
                throw e;
            }
            return (FrameSource) next;
        }, Duration.ofSeconds(3), restartDelay, clock);
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
    void aCodeHeldUpInFrameAfterFrameIsOneScan() {
        RecordedFrames recording = RecordedFrames.holding(NOTHING, APPOINTMENT, APPOINTMENT, APPOINTMENT, NOTHING,
                CHINESE, APPOINTMENT);
        scanner(recording);

        assertEquals(new Scan(Frames.APPOINTMENT, "camera test", clock.instant()), scans.next(DEADLINE, scanner::health));
        assertEquals(Frames.CHINESE, scans.next(DEADLINE, scanner::health).text());
        recording.awaitDrained(DEADLINE);
        assertEquals(0, scans.waiting(), "the last frame's code was a repeat within the window");
        assertEquals(State.ONLINE, scanner.health().state());
    }

    @Test
    void aCommandThatEndsIsOfflineSayingWhyAndIsStartedAgain() {
        RecordedFrames first = RecordedFrames.ending(NOTHING, NOTHING);
        RecordedFrames second = RecordedFrames.holding(APPOINTMENT);
        scanner(first, second);

        assertEquals(Frames.APPOINTMENT, scans.next(DEADLINE, scanner::health).text());
        assertTrue(first.isClosed());
    }

    @Test
    void healthAfterTheEndNamesTheReasonAndTheFrameCount() {
        restartDelay = Duration.ofMinutes(1);
        scanner(RecordedFrames.ending(NOTHING, NOTHING, NOTHING));
        DeviceHealth ended = Await.until("health after the recording", scanner::health,
                h -> h.detail().startsWith("recording ended"), DEADLINE);
        assertEquals(new DeviceHealth("camera test", State.OFFLINE, "recording ended (3 frames)", clock.instant()), ended);
    }

    @Test
    void aCommandThatCannotStartIsOfflineNamingItAndIsTriedAgain() {
        DeviceException missing = new DeviceException("camera command rpicam-vid cannot run (not installed, or not on"
                + " the PATH?): error=2, No such file or directory");
        scanner(missing, missing, RecordedFrames.holding(CHINESE));

        assertEquals(Frames.CHINESE, scans.next(DEADLINE, scanner::health).text());
        assertEquals(State.ONLINE, scanner.health().state());
    }

    @Test
    void theFirstFailureIsShownWhileItLasts() {
        afterwards = new DeviceException("camera command rpicam-vid cannot run");
        scanner();
        Await.until("offline naming the command", scanner::health,
                h -> h.state() == State.OFFLINE && h.detail().contains("rpicam-vid"), DEADLINE);
    }

    @Test
    void aStreamBreakingMidwayIsOfflineThenRestarted() {
        scanner(RecordedFrames.ending(NOTHING, null), RecordedFrames.holding(APPOINTMENT));
        assertEquals(Frames.APPOINTMENT, scans.next(DEADLINE, scanner::health).text());
    }

    @Test
    void closeEndsAWaitingSourceAndGoesOffline() {
        RecordedFrames live = RecordedFrames.holding(NOTHING);
        scanner(live);
        live.awaitDrained(DEADLINE);

        scanner.close();

        assertTrue(live.isClosed());
        assertEquals(State.OFFLINE, scanner.health().state());
        assertEquals("closed", scanner.health().detail());
    }

    @Test
    void healthBeforeStartSaysSo() {
        CameraCodeScanner unstarted = new CameraCodeScanner(CameraConfig.rpicam());
        assertEquals("camera rpicam-vid: OFFLINE (not started)", unstarted.health().toString());
        unstarted.close();
    }
}
