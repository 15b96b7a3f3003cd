package lobby.lamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import lobby.lamp.CallLamps.Pattern;
import lobby.lamp.RecordingWires.Write;
import org.junit.jupiter.api.Test;

/** Broken pins become health, the self-test walks the lamps, and closing darkens them all. */
class LampHealthTest {
    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private final VirtualScheduler time = new VirtualScheduler(START);
    private final RecordingWires wires = new RecordingWires(time.clock());
    private final List<String> announced = new ArrayList<>();
    private final List<Integer> escalated = new ArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();

    private CallLamps start() {
        CallLamps lamps = LampBoard.start(LampBoardTest.CONFIG, wires, time, time.clock(), announced::add,
                closes::incrementAndGet);
        lamps.onEscalated(escalated::add);
        return lamps;
    }

    private static List<String> states(List<DeviceHealth> health) {
        return health.stream().map(DeviceHealth::toString).toList();
    }

    @Test
    void aWriteThatThrowsIsOfflineNamingDeskAndPinAndTheCallGoesOn() {
        CallLamps lamps = start();
        wires.failing.add(2);
        DeviceHealth health = lamps.light(2);
        assertEquals("lamp desk 2: OFFLINE (lamp of desk 2 on BCM 27 did not switch on: relay driver gone)",
                health.toString());
        assertEquals(Pattern.STEADY, lamps.pattern(2));
        time.advance(Duration.ofSeconds(60));
        assertEquals(List.of(2), escalated, "a dark lamp makes escalation matter more, not less");
        assertEquals(State.ONLINE, lamps.health().get(0).state(), "desk 1 is unaffected");
    }

    @Test
    void aLampThatWorksAgainIsOnlineAgain() {
        CallLamps lamps = start();
        wires.failing.add(1);
        lamps.light(1);
        time.advance(Duration.ofSeconds(15));
        assertEquals(State.OFFLINE, lamps.health().get(0).state());
        wires.failing.clear();
        time.advance(Duration.ofMillis(500)); // the next blink writes
        assertEquals(State.ONLINE, lamps.health().get(0).state());
        assertEquals(START.plusMillis(15_500), lamps.health().get(0).since());
    }

    @Test
    void aPinThatCannotBeSetUpIsOfflineAndNeverWritten() {
        wires.lampProblems.put(3, "GPIO line busy");
        CallLamps lamps = start();
        assertEquals("lamp desk 3: OFFLINE (lamp of desk 3 on BCM 22 cannot be set up as an output: GPIO line busy)",
                lamps.light(3).toString());
        time.advance(Duration.ofSeconds(70));
        assertEquals(List.of(), wires.writes(3));
        assertEquals(List.of(3), escalated);
    }

    @Test
    void aBrokenButtonLeavesAWorkingLampDegraded() {
        wires.buttonProblems.put(1, "GPIO line busy");
        CallLamps lamps = start();
        DeviceHealth health = lamps.light(1);
        assertEquals(State.DEGRADED, health.state());
        assertEquals("button of desk 1 on BCM 5 cannot be set up, acknowledge from the back office: GPIO line busy",
                health.detail());
        assertTrue(wires.lit(1));
    }

    @Test
    void deskWithoutALampIsOfflineNotAnException() {
        CallLamps lamps = start();
        assertEquals("lamp desk 4: OFFLINE (no lamp pin configured for desk 4)", lamps.light(4).toString());
        assertEquals(State.OFFLINE, lamps.acknowledge(4).state());
        assertFalse(lamps.isLit(4));
        assertEquals(Pattern.OFF, lamps.pattern(4));
        assertEquals(3, lamps.health().size());
    }

    @Test
    void healthKeepsItsSinceWhileNothingChanges() {
        CallLamps lamps = start();
        DeviceHealth first = lamps.light(1);
        time.advance(Duration.ofSeconds(30));
        assertSame(first, lamps.off(1));
        assertEquals(List.of("lamp desk 1", "lamp desk 2", "lamp desk 3"),
                lamps.health().stream().map(DeviceHealth::device).toList());
    }

    @Test
    void selfTestLightsEachLampInTurnAndReportsHealth() {
        CallLamps lamps = start();
        wires.failing.add(2);
        CompletableFuture<List<DeviceHealth>> result = lamps.selfTest();
        time.advance(Duration.ofMillis(1_799));
        assertFalse(result.isDone());
        time.advance(Duration.ofMillis(1));
        assertEquals(List.of(
                "lamp desk 1: ONLINE",
                "lamp desk 2: OFFLINE (lamp of desk 2 on BCM 27 did not switch off: relay driver gone)",
                "lamp desk 3: ONLINE"), states(result.join()));
        // Desk 2 takes its moment too, unseen: a technician counts the lamps that light.
        assertEquals(List.of(
                new Write(START, 1, true), new Write(START.plusMillis(600), 1, false),
                new Write(START.plusMillis(1200), 3, true), new Write(START.plusMillis(1800), 3, false)),
                wires.writes);
    }

    @Test
    void selfTestLeavesCallingLampsAlone() {
        CallLamps lamps = start();
        lamps.light(2);
        CompletableFuture<List<DeviceHealth>> result = lamps.selfTest();
        assertEquals("111111", LampBoardTest.watch(time, wires, 2, Duration.ofMillis(200), 6));
        assertTrue(result.isDone(), "two lamps tested, 1.2 s");
        assertEquals(Pattern.STEADY, lamps.pattern(2));
        assertFalse(wires.lit(1));
        assertFalse(wires.lit(3));
    }

    @Test
    void aCallDuringItsTestMomentKeepsTheLampOn() {
        CallLamps lamps = start();
        lamps.selfTest();
        lamps.light(1);
        time.advance(Duration.ofSeconds(2));
        assertTrue(wires.lit(1));
        assertEquals(Pattern.STEADY, lamps.pattern(1));
    }

    @Test
    void closeDarkensEveryLampStopsTheTimersAndReleasesThePins() {
        CallLamps lamps = start();
        lamps.light(1);
        time.advance(Duration.ofSeconds(20));
        lamps.light(2);
        CompletableFuture<List<DeviceHealth>> test = lamps.selfTest();

        lamps.close();

        assertFalse(wires.lit(1) || wires.lit(2) || wires.lit(3));
        assertTrue(wires.closed);
        assertEquals(1, closes.get());
        assertTrue(test.isDone(), "a self-test in progress ends with the lamps");
        assertTrue(announced.containsAll(List.of("lamp desk 1 OFF", "lamp desk 2 OFF")), announced.toString());
        time.advance(Duration.ofMinutes(5)); // a write after close would throw in the recording wires
        assertEquals(List.of(), escalated);
        assertEquals("lamps closed", lamps.light(1).detail());
        lamps.close();
        assertEquals(1, closes.get(), "closing twice releases once");
    }
}
