package lobby.lamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import lobby.lamp.CallLamps.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lamps on Pi4J's mock platform: pins read back from Pi4J's own registry, buttons pressed
 * through its mock inputs, time virtual.
 */
class Pi4jCallLampsTest {
    private static final LampConfig ACTIVE_HIGH = new LampConfig(Map.of(1, 17, 2, 27), false)
            .withButtonPins(Map.of(1, 5, 2, 6));
    private static final LampConfig ACTIVE_LOW = new LampConfig(Map.of(1, 17, 2, 27), true)
            .withButtonPins(Map.of(1, 5, 2, 6));

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2025-03-01T09:00:00Z"));
    private final List<String> announced = new ArrayList<>();
    private final List<Integer> acknowledged = new ArrayList<>();
    private final List<Integer> escalated = new ArrayList<>();
    private final Context context = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
            .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance()).build();

    @AfterEach
    void shutDown() {
        if (!context.isShutdown()) {
            context.shutdown();
        }
    }

    private CallLamps lamps(LampConfig config) {
        return lamps(context, config);
    }

    private CallLamps lamps(Context on, LampConfig config) {
        var wires = new Pi4jCallLamps.Wires(on, MockDigitalOutputProvider.ID, MockDigitalInputProvider.ID, config, null);
        CallLamps lamps = LampBoard.start(config, wires, time, time.clock(), announced::add, () -> { });
        lamps.onAcknowledged(acknowledged::add);
        lamps.onEscalated(escalated::add);
        return lamps;
    }

    private DigitalState pin(int desk) {
        return context.io("lamp-desk-" + desk, DigitalOutput.class).state();
    }

    private MockDigitalInput button(int desk) {
        return context.io("button-desk-" + desk, MockDigitalInput.class);
    }

    /** The mock input starts low; on a Pi the pull-up holds an idle button high. */
    private void idleButtons() {
        button(1).mockState(DigitalState.HIGH);
        button(2).mockState(DigitalState.HIGH);
        time.advance(Duration.ofSeconds(1));
    }

    /** The pin's level every step: H or L. */
    private String watch(int desk, Duration step, int samples) {
        StringBuilder levels = new StringBuilder();
        for (int i = 0; i < samples; i++) {
            levels.append(pin(desk) == DigitalState.HIGH ? 'H' : 'L');
            time.advance(step);
        }
        return levels.toString();
    }

    @Test
    void activeHighLampIsLitWhenThePinIsHigh() {
        CallLamps lamps = lamps(ACTIVE_HIGH);
        assertEquals(DigitalState.LOW, pin(2));
        assertEquals(State.ONLINE, lamps.light(2).state());
        assertEquals(DigitalState.HIGH, pin(2));
        assertEquals(DigitalState.LOW, pin(1));
        lamps.off(2);
        assertEquals(DigitalState.LOW, pin(2));
    }

    @Test
    void activeLowLampIsLitWhenThePinIsLow() {
        CallLamps lamps = lamps(ACTIVE_LOW);
        assertEquals(DigitalState.HIGH, pin(1));
        assertEquals(DigitalState.HIGH, pin(2));
        lamps.light(1);
        assertEquals(DigitalState.LOW, pin(1));
        assertEquals(DigitalState.HIGH, pin(2));
        lamps.off(1);
        assertEquals(DigitalState.HIGH, pin(1));
    }

    @Test
    void pinsAreTheConfiguredBcmNumbersAndButtonsArePulledUp() {
        lamps(ACTIVE_HIGH);
        assertEquals(17, context.io("lamp-desk-1", DigitalOutput.class).address());
        assertEquals(27, context.io("lamp-desk-2", DigitalOutput.class).address());
        DigitalInput button = context.io("button-desk-2", DigitalInput.class);
        assertEquals(6, button.address());
        assertEquals(PullResistance.PULL_UP, button.pull());
    }

    @Test
    void activeLowPinBlinksSlowlyThenFastOverVirtualTime() {
        CallLamps lamps = lamps(ACTIVE_LOW);
        lamps.light(2);
        assertEquals("LLLL", watch(2, Duration.ofMillis(3_750), 4));
        assertEquals("LLHHLLHH", watch(2, Duration.ofMillis(250), 8));
        time.advance(Duration.ofSeconds(43));
        assertEquals(List.of(2), escalated);
        assertEquals("LLHHLLHH", watch(2, Duration.ofNanos(62_500_000), 8));
        assertEquals(DigitalState.HIGH, pin(1), "desk 1 stays dark");
    }

    @Test
    void pressingTheMockButtonAcknowledges() {
        CallLamps lamps = lamps(ACTIVE_HIGH);
        idleButtons();
        lamps.light(1);
        time.advance(Duration.ofSeconds(20));
        button(1).mockState(DigitalState.LOW);
        assertEquals(List.of(1), acknowledged);
        assertEquals(Pattern.OFF, lamps.pattern(1));
        assertEquals("LLLL", watch(1, Duration.ofSeconds(30), 4));
        assertEquals(List.of(), escalated);
    }

    @Test
    void bouncingMockButtonIsOnePress() {
        CallLamps lamps = lamps(ACTIVE_HIGH);
        idleButtons();
        lamps.light(2);
        DigitalState[] bounce = {DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH,
                DigitalState.LOW};
        for (DigitalState level : bounce) {
            button(2).mockState(level);
            lamps.light(2); // a new call each time, so a second press would show
            time.advance(Duration.ofMillis(4));
        }
        assertEquals(List.of(2), acknowledged);
        assertEquals(Pattern.STEADY, lamps.pattern(2));

        button(2).mockState(DigitalState.HIGH);
        time.advance(Duration.ofMillis(300));
        button(2).mockState(DigitalState.LOW);
        assertEquals(List.of(2, 2), acknowledged, "a real second press");
    }

    @Test
    void outputThatCannotBeSetUpIsOfflineNamingDeskAndPin() {
        Context noOutputs = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance()).build();
        try {
            CallLamps lamps = lamps(noOutputs, ACTIVE_HIGH);
            DeviceHealth health = lamps.light(1);
            assertEquals(State.OFFLINE, health.state());
            assertTrue(health.detail().startsWith("lamp of desk 1 on BCM 17 cannot be set up as an output: "),
                    health.detail());
            assertEquals(2, lamps.health().size());
            lamps.close();
        } finally {
            noOutputs.shutdown();
        }
    }

    @Test
    void buttonThatCannotBeSetUpLeavesTheLampWorking() {
        Context noInputs = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
                .add(MockDigitalOutputProvider.newInstance()).build();
        try {
            CallLamps lamps = lamps(noInputs, ACTIVE_HIGH);
            DeviceHealth health = lamps.light(2);
            assertEquals(State.DEGRADED, health.state());
            assertTrue(health.detail().startsWith("button of desk 2 on BCM 6 cannot be set up"), health.detail());
            assertEquals(DigitalState.HIGH, noInputs.io("lamp-desk-2", DigitalOutput.class).state());
            lamps.close();
        } finally {
            noInputs.shutdown();
        }
    }

    @Test
    void withoutGpioEveryLampIsOffline() {
        var wires = new Pi4jCallLamps.Wires(null, "none", "none", ACTIVE_HIGH, "gpiod GPIO unavailable: no /dev/gpiochip0");
        CallLamps lamps = LampBoard.start(ACTIVE_HIGH, wires, time, time.clock(), s -> { }, () -> { });
        assertEquals(List.of(State.OFFLINE, State.OFFLINE), lamps.health().stream().map(DeviceHealth::state).toList());
        assertEquals("lamp of desk 2 on BCM 27 cannot be set up as an output: gpiod GPIO unavailable: no /dev/gpiochip0",
                lamps.light(2).detail());
        lamps.close();
    }

    @Test
    void closeTurnsEveryLampOffAndShutsPi4jDown() {
        CallLamps lamps = lamps(ACTIVE_LOW);
        lamps.light(1);
        time.advance(Duration.ofMillis(15_500)); // desk 1 is in the dark half of a slow blink
        lamps.light(2);
        DigitalOutput one = context.io("lamp-desk-1", DigitalOutput.class);
        DigitalOutput two = context.io("lamp-desk-2", DigitalOutput.class);

        lamps.close();

        assertEquals(DigitalState.HIGH, one.state());
        assertEquals(DigitalState.HIGH, two.state());
        assertTrue(context.isShutdown());
        assertEquals(List.of("lamp desk 1 STEADY", "lamp desk 1 SLOW_BLINK", "lamp desk 2 STEADY",
                "lamp desk 1 OFF", "lamp desk 2 OFF"), announced);
        assertEquals(0, time.pending());
    }

    @Test
    void mockPlatformFactoryRunsOnTheCallersTime() {
        CallLamps lamps = Pi4jCallLamps.onMockPlatform(ACTIVE_HIGH, announced::add, time, time.clock());
        lamps.onEscalated(escalated::add);
        assertEquals(State.ONLINE, lamps.light(1).state());
        time.advance(LampConfig.DEFAULT_ESCALATE_AFTER);
        assertEquals(Pattern.FAST_BLINK, lamps.pattern(1));
        assertEquals(List.of(1), escalated);
        lamps.close();
        assertFalse(time.isShutdown(), "the caller's scheduler is the caller's to shut down");
    }

    @Test
    void mockPlatformFactoryWithItsOwnTimerThread() {
        try (CallLamps lamps = Pi4jCallLamps.onMockPlatform(ACTIVE_HIGH, announced::add)) {
            assertEquals(State.ONLINE, lamps.light(1).state());
            assertTrue(lamps.isLit(1));
            assertEquals(List.of("lamp desk 1 STEADY"), announced);
        }
    }

    @Test
    void gpiodFactoryNeverThrows() {
        // On a Pi the lamps come up; elsewhere (a laptop, CI) each lamp says why it is OFFLINE.
        try (CallLamps lamps = Pi4jCallLamps.onGpiod(ACTIVE_HIGH)) {
            assertEquals(2, lamps.health().size());
            DeviceHealth health = lamps.light(1);
            assertTrue(health.state() == State.ONLINE
                    || health.detail().startsWith("lamp of desk 1 on BCM 17 cannot be set up"), health.toString());
        }
    }
}
