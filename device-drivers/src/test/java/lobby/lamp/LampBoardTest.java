package lobby.lamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lobby.lamp.CallLamps.Pattern;
import org.junit.jupiter.api.Test;

/** A call's patterns over virtual time: steady, slow blink, fast blink and the escalation. */
class LampBoardTest {
    static final LampConfig CONFIG = new LampConfig(Map.of(1, 17, 2, 27, 3, 22), false)
            .withButtonPins(Map.of(1, 5, 2, 6));

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2025-03-01T09:00:00Z"));
    private final RecordingWires wires = new RecordingWires(time.clock());
    private final List<String> announced = new ArrayList<>();
    private final List<Integer> escalated = new ArrayList<>();
    private final CallLamps lamps = LampBoard.start(CONFIG, wires, time, time.clock(), announced::add, () -> { });

    {
        lamps.onEscalated(escalated::add);
    }

    /** The desk's output level sampled every step, as 1 (lit) and 0, starting now. */
    static String watch(VirtualScheduler time, RecordingWires wires, int desk, Duration step, int samples) {
        StringBuilder levels = new StringBuilder();
        for (int i = 0; i < samples; i++) {
            levels.append(wires.lit(desk) ? '1' : '0');
            time.advance(step);
        }
        return levels.toString();
    }

    @Test
    void steadyUntilTheGreetingTarget() {
        lamps.light(2);
        assertEquals(Pattern.STEADY, lamps.pattern(2));
        assertEquals("1111", watch(time, wires, 2, Duration.ofSeconds(3), 4));
        time.advance(Duration.ofMillis(2_999));
        assertEquals(Pattern.STEADY, lamps.pattern(2), "14.999 s after the call");
        assertEquals(1, wires.writes(2).size(), "steady means one write: " + wires.writes(2));
        time.advance(Duration.ofMillis(1));
        assertEquals(Pattern.SLOW_BLINK, lamps.pattern(2));
    }

    @Test
    void slowBlinkIsOneSecondHalfOnHalfOff() {
        lamps.light(1);
        time.advance(LampConfig.DEFAULT_GREETING_TARGET);
        assertEquals("1100110011001100", watch(time, wires, 1, Duration.ofMillis(250), 16));
        assertTrue(lamps.isLit(1), "a blinking lamp is calling, whatever its level right now");
    }

    @Test
    void escalatesOnceAfterAMinuteAndBlinksFast() {
        lamps.light(3);
        time.advance(Duration.ofMillis(59_999));
        assertEquals(List.of(), escalated);
        assertEquals(Pattern.SLOW_BLINK, lamps.pattern(3));

        time.advance(Duration.ofMillis(1));
        assertEquals(List.of(3), escalated);
        assertEquals(Pattern.FAST_BLINK, lamps.pattern(3));
        assertEquals("1100110011001100", watch(time, wires, 3, Duration.ofNanos(62_500_000), 16));

        time.advance(Duration.ofMinutes(10));
        assertEquals(List.of(3), escalated, "reported once per call");
        assertEquals(Pattern.FAST_BLINK, lamps.pattern(3));
    }

    @Test
    void anotherCustomerForACallingDeskDoesNotRestartTheWait() {
        lamps.light(1);
        time.advance(Duration.ofSeconds(10));
        lamps.light(1);
        time.advance(Duration.ofSeconds(5));
        assertEquals(Pattern.SLOW_BLINK, lamps.pattern(1));
        time.advance(Duration.ofSeconds(45));
        assertEquals(List.of(1), escalated);
        time.advance(Duration.ofMinutes(2));
        assertEquals(List.of(1), escalated, "the second customer adds no second escalation");
    }

    @Test
    void aNewCallAfterAcknowledgementWaitsAndEscalatesAfresh() {
        lamps.light(1);
        time.advance(Duration.ofSeconds(59));
        lamps.acknowledge(1);
        time.advance(Duration.ofSeconds(30));
        lamps.light(1);
        time.advance(Duration.ofSeconds(59));
        assertEquals(List.of(), escalated, "the first call's timers must be gone");
        assertEquals(Pattern.SLOW_BLINK, lamps.pattern(1));
        time.advance(Duration.ofSeconds(1));
        assertEquals(List.of(1), escalated);
    }

    @Test
    void desksCallIndependently() {
        lamps.light(1);
        time.advance(Duration.ofSeconds(20));
        lamps.light(2);
        assertEquals(Pattern.SLOW_BLINK, lamps.pattern(1));
        assertEquals(Pattern.STEADY, lamps.pattern(2));
        assertEquals(Pattern.OFF, lamps.pattern(3));
        assertFalse(lamps.isLit(3));
        assertFalse(wires.lit(3));
    }

    @Test
    void configuredTimingsAreUsed() {
        LampConfig quick = CONFIG.withTimings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ZERO);
        CallLamps custom = LampBoard.start(quick, new RecordingWires(time.clock()), time, time.clock(), s -> { },
                () -> { });
        custom.onEscalated(escalated::add);
        custom.light(2);
        time.advance(Duration.ofSeconds(5));
        assertEquals(Pattern.SLOW_BLINK, custom.pattern(2));
        time.advance(Duration.ofSeconds(15));
        assertEquals(List.of(2), escalated);
    }

    @Test
    void patternChangesAreAnnouncedNotEveryBlink() {
        lamps.light(2);
        time.advance(Duration.ofSeconds(90));
        lamps.off(2);
        assertEquals(List.of("lamp desk 2 STEADY", "lamp desk 2 SLOW_BLINK", "lamp desk 2 FAST_BLINK",
                "lamp desk 2 OFF"), announced);
    }

    @Test
    void afterTheCallEndsNothingIsLeftScheduled() {
        lamps.light(1);
        time.advance(Duration.ofSeconds(70));
        lamps.off(1);
        int written = wires.writes.size();
        assertEquals(0, time.pending());
        time.advance(Duration.ofMinutes(5));
        assertEquals(written, wires.writes.size());
        assertFalse(wires.lit(1));
    }
}
