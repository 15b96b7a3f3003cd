package lobby.lamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lobby.device.DeviceHealth.State;
import lobby.lamp.CallLamps.Pattern;
import org.junit.jupiter.api.Test;

/** Ending a call: the desk's button (bounces and all), the back office, and who hears of it. */
class LampAcknowledgeTest {
    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2025-03-01T09:00:00Z"));
    private final RecordingWires wires = new RecordingWires(time.clock());
    private final List<Integer> acknowledged = new ArrayList<>();
    private final List<Integer> escalated = new ArrayList<>();
    private final CallLamps lamps = LampBoard.start(LampBoardTest.CONFIG, wires, time, time.clock(), s -> { },
            () -> { });

    {
        lamps.onAcknowledged(acknowledged::add);
        lamps.onEscalated(escalated::add);
    }

    private void press(int desk) {
        wires.edge(desk, true);
    }

    private void release(int desk) {
        wires.edge(desk, false);
    }

    private void after(long millis) {
        time.advance(Duration.ofMillis(millis));
    }

    @Test
    void buttonTurnsTheLampOffAtOnceAndIsReported() {
        lamps.light(1);
        after(20_000);
        press(1);
        assertEquals(Pattern.OFF, lamps.pattern(1));
        assertFalse(wires.lit(1));
        assertEquals(List.of(1), acknowledged);
        after(60_000);
        assertEquals(List.of(), escalated);
        assertFalse(wires.lit(1), "no blink task may survive the acknowledgement");
    }

    @Test
    void bouncesWithinTheDebounceAreOnePress() {
        lamps.light(1);
        press(1);
        after(2);
        release(1);
        after(3);
        lamps.light(1); // the next customer arrives while the contacts still bounce
        press(1);
        after(10);
        release(1);
        after(30);
        press(1);
        assertEquals(List.of(1), acknowledged);
        assertEquals(Pattern.STEADY, lamps.pattern(1));
    }

    @Test
    void releaseBouncesAfterALongHoldAreNoPress() {
        lamps.light(1);
        press(1);
        after(100);
        lamps.light(1);
        after(400); // the advisor is still holding the button
        release(1);
        after(1);
        press(1);
        after(2);
        release(1);
        assertEquals(List.of(1), acknowledged);
        assertEquals(Pattern.STEADY, lamps.pattern(1));
    }

    @Test
    void pressesFurtherApartThanTheDebounceCountTwice() {
        lamps.light(2);
        press(2);
        after(60);
        release(2);
        lamps.light(2);
        after(LampConfig.DEFAULT_DEBOUNCE.toMillis());
        press(2);
        assertEquals(List.of(2, 2), acknowledged);
        assertEquals(Pattern.OFF, lamps.pattern(2));
    }

    @Test
    void withoutDebounceEveryBounceIsAPress() {
        LampConfig raw = LampBoardTest.CONFIG.withTimings(LampConfig.DEFAULT_GREETING_TARGET,
                LampConfig.DEFAULT_ESCALATE_AFTER, Duration.ZERO);
        RecordingWires rawWires = new RecordingWires(time.clock());
        CallLamps rawLamps = LampBoard.start(raw, rawWires, time, time.clock(), s -> { }, () -> { });
        rawLamps.onAcknowledged(acknowledged::add);
        rawLamps.light(1);
        rawWires.edge(1, true);
        rawWires.edge(1, false);
        rawLamps.light(1);
        rawWires.edge(1, true);
        assertEquals(List.of(1, 1), acknowledged);
    }

    @Test
    void pressingAtADarkLampAcknowledgesNothing() {
        press(2);
        after(500);
        release(2);
        assertEquals(List.of(), acknowledged);
        assertEquals(Pattern.OFF, lamps.pattern(2));
    }

    @Test
    void deskWithoutButtonIgnoresEdges() {
        lamps.light(3);
        press(3);
        assertEquals(Pattern.STEADY, lamps.pattern(3));
        assertEquals(List.of(), acknowledged);
    }

    @Test
    void backOfficeAcknowledgementIsReportedButOffIsNot() {
        lamps.light(1);
        lamps.light(2);
        assertEquals(State.ONLINE, lamps.acknowledge(1).state());
        assertEquals(State.ONLINE, lamps.off(2).state());
        assertEquals(List.of(1), acknowledged);
        assertEquals(Pattern.OFF, lamps.pattern(1));
        assertEquals(Pattern.OFF, lamps.pattern(2));
        lamps.acknowledge(1);
        assertEquals(List.of(1), acknowledged, "acknowledging a dark lamp reports nothing");
    }

    @Test
    void escalatedLampIsAcknowledgedLikeAnyOther() {
        lamps.light(2);
        after(61_000);
        press(2);
        assertEquals(List.of(2), escalated);
        assertEquals(List.of(2), acknowledged);
        assertFalse(wires.lit(2));
    }

    @Test
    void failingListenerDoesNotStopTheOthersOrTheLamp() {
        List<Integer> second = new ArrayList<>();
        CallLamps fresh = LampBoard.start(LampBoardTest.CONFIG, new RecordingWires(time.clock()), time, time.clock(),
                line -> {
                    throw new IllegalStateException("screen gone");
                }, () -> { });
        fresh.onAcknowledged(desk -> {
            throw new IllegalStateException("back office unreachable");
        });
        fresh.onAcknowledged(second::add);
        assertEquals(State.ONLINE, fresh.light(1).state());
        fresh.acknowledge(1);
        assertEquals(List.of(1), second);
        assertEquals(Pattern.OFF, fresh.pattern(1));
    }

    @Test
    void listenerMayCallBackIntoTheLamps() {
        lamps.onEscalated(desk -> lamps.light(3)); // e.g. also call the manager's desk
        lamps.light(1);
        after(60_000);
        assertEquals(Pattern.STEADY, lamps.pattern(3));
    }
}
