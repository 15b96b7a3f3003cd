package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.Test;

/** The rules every scanner shares, with an injected clock. */
class ScanDispatchTest {
    private final MutableClock clock = new MutableClock("2026-11-22T01:00:00Z");
    private final List<Scan> delivered = new ArrayList<>();
    private final ScanDispatch dispatch = new ScanDispatch("scanner /dev/ttyTEST", Duration.ofSeconds(3), clock);

    ScanDispatchTest() {
        dispatch.start(delivered::add);
    }

    @Test
    void aCodeBecomesAScanNamingItsSourceAndTime() {
        dispatch.text(Frames.APPOINTMENT);
        assertEquals(List.of(new Scan(Frames.APPOINTMENT, "scanner /dev/ttyTEST", clock.instant())), delivered);
        assertEquals(State.ONLINE, dispatch.health().current().state());
    }

    @Test
    void theSameCodeTwiceWithinTheWindowIsDeliveredOnce() {
        dispatch.text("A012-code");
        clock.advance(Duration.ofMillis(2500));
        assertNull(dispatch.text("A012-code"));
        clock.advance(Duration.ofMillis(3000));
        assertNotNull(dispatch.text("A012-code"), "away for a whole window: a new scan");
        assertEquals(2, delivered.size());
    }

    @Test
    void controlCharactersAreDiscardedWithAHealthDetailUntilTheNextGoodLine() {
        assertNull(dispatch.text("LKA1\u001B[2J"));
        DeviceHealth degraded = dispatch.health().current();
        assertEquals(State.DEGRADED, degraded.state());
        assertEquals("line discarded: control character U+001B at character 5 of 8 (scanner prefix/suffix settings?)",
                degraded.detail());
        assertEquals(List.of(), delivered);

        dispatch.text(Frames.CHINESE);
        assertEquals(State.ONLINE, dispatch.health().current().state());
        assertEquals(1, delivered.size());
    }

    @Test
    void textLongerThanTheLimitInBytesIsDiscarded() {
        // 400 Chinese characters are 1200 bytes of UTF-8: fewer characters than the limit, more bytes.
        assertNull(dispatch.text("号".repeat(400)));
        assertEquals("line discarded: 1200 bytes, longer than 1024", dispatch.health().current().detail());
    }

    @Test
    void aFailingHandlerIsLoggedAndScanningGoesOn() {
        ScanDispatch failing = new ScanDispatch("camera", Duration.ofSeconds(3), clock);
        failing.start(scan -> {
            throw new IllegalStateException("kiosk busy");
        });
        assertNotNull(failing.text("first"));
        assertNotNull(failing.text("second"));
    }

    @Test
    void aCodeBeforeStartIsNotDeliveredAndStartingTwiceIsRefused() {
        ScanDispatch unstarted = new ScanDispatch("camera", Duration.ofSeconds(3), clock);
        assertNull(unstarted.text("early"));
        unstarted.start(delivered::add);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unstarted.start(delivered::add));
        assertEquals("camera already started", e.getMessage());
    }

    @Test
    void healthKeepsItsSinceWhileUnchanged() {
        dispatch.discard("x");
        DeviceHealth first = dispatch.health().current();
        clock.advance(Duration.ofMinutes(1));
        dispatch.discard("x");
        assertEquals(first.since(), dispatch.health().current().since());
    }
}
