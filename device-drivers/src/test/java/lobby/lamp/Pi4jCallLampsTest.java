package lobby.lamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives Pi4J's mock platform and reads the pins back from Pi4J's own registry. */
class Pi4jCallLampsTest {
    private static final LampConfig ACTIVE_HIGH = new LampConfig(Map.of(1, 17, 2, 27), false);
    private static final LampConfig ACTIVE_LOW = new LampConfig(Map.of(1, 17, 2, 27), true);

    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final Context context = Pi4J.newContextBuilder().noAutoDetect()
            .add(new MockPlatform()).add(MockDigitalOutputProvider.newInstance()).build();

    @AfterEach
    void shutDown() {
        if (!context.isShutdown()) {
            context.shutdown();
        }
    }

    private Pi4jCallLamps lamps(LampConfig config) {
        return new Pi4jCallLamps(context, MockDigitalOutputProvider.ID, config, announced::add, Clock.systemUTC(), null);
    }

    private DigitalState pin(int desk) {
        return context.io("lamp-desk-" + desk, DigitalOutput.class).state();
    }

    @Test
    void activeHighLampIsLitWhenThePinIsHigh() {
        Pi4jCallLamps lamps = lamps(ACTIVE_HIGH);
        assertEquals(DigitalState.LOW, pin(2));
        assertFalse(lamps.isLit(2));

        assertEquals(State.ONLINE, lamps.light(2).state());
        assertEquals(DigitalState.HIGH, pin(2));
        assertEquals(DigitalState.LOW, pin(1));
        assertTrue(lamps.isLit(2));

        lamps.off(2);
        assertEquals(DigitalState.LOW, pin(2));
        assertFalse(lamps.isLit(2));
    }

    @Test
    void activeLowLampIsLitWhenThePinIsLow() {
        Pi4jCallLamps lamps = lamps(ACTIVE_LOW);
        assertEquals(DigitalState.HIGH, pin(1));
        assertEquals(DigitalState.HIGH, pin(2));
        assertFalse(lamps.isLit(1));

        lamps.light(1);
        assertEquals(DigitalState.LOW, pin(1));
        assertEquals(DigitalState.HIGH, pin(2));
        assertTrue(lamps.isLit(1));

        lamps.off(1);
        assertEquals(DigitalState.HIGH, pin(1));
    }

    @Test
    void pinsAreTheConfiguredBcmNumbers() {
        lamps(ACTIVE_HIGH);
        assertEquals(17, context.io("lamp-desk-1", DigitalOutput.class).address());
        assertEquals(27, context.io("lamp-desk-2", DigitalOutput.class).address());
    }

    @Test
    void deskWithoutPinIsOfflineNotAnException() {
        Pi4jCallLamps lamps = lamps(ACTIVE_HIGH);
        DeviceHealth health = lamps.light(4);
        assertEquals("lamp desk 4: OFFLINE (no pin configured)", health.toString());
        assertEquals("lamp desk 4: OFFLINE (no pin configured)", lamps.off(4).toString());
        assertFalse(lamps.isLit(4));
    }

    @Test
    void pinThatCannotBeSetUpIsOffline() {
        Context noOutputs = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform()).build();
        try {
            Pi4jCallLamps lamps = new Pi4jCallLamps(noOutputs, MockDigitalOutputProvider.ID, ACTIVE_HIGH,
                    announced::add, Clock.systemUTC(), null);
            DeviceHealth health = lamps.light(1);
            assertEquals(State.OFFLINE, health.state());
            assertTrue(health.detail().startsWith("BCM 17 cannot be set up"), health.detail());
            assertEquals(2, lamps.health().size());
            assertFalse(lamps.isLit(1));
            lamps.close();
        } finally {
            noOutputs.shutdown();
        }
    }

    @Test
    void withoutGpioEveryLampIsOffline() {
        Pi4jCallLamps lamps = new Pi4jCallLamps(null, "none", ACTIVE_HIGH, announced::add, Clock.systemUTC(),
                "gpiod GPIO unavailable: no /dev/gpiochip0");
        assertEquals(List.of(State.OFFLINE, State.OFFLINE), lamps.health().stream().map(DeviceHealth::state).toList());
        assertEquals("gpiod GPIO unavailable: no /dev/gpiochip0", lamps.light(2).detail());
        lamps.close();
    }

    @Test
    void changesAreAnnouncedOnce() {
        Pi4jCallLamps lamps = lamps(ACTIVE_HIGH);
        lamps.light(2);
        lamps.light(2);
        lamps.off(2);
        lamps.off(2);
        assertEquals(List.of("lamp desk 2 ON", "lamp desk 2 OFF"), announced);
    }

    @Test
    void failingListenerDoesNotMakeALampLookBroken() {
        Pi4jCallLamps lamps = new Pi4jCallLamps(context, MockDigitalOutputProvider.ID, ACTIVE_HIGH, change -> {
            throw new IllegalStateException("screen gone");
        }, Clock.systemUTC(), null);
        assertEquals(State.ONLINE, lamps.light(1).state());
        assertEquals(DigitalState.HIGH, pin(1));
    }

    @Test
    void healthSinceStaysWhileNothingChanges() {
        Pi4jCallLamps lamps = lamps(ACTIVE_HIGH);
        DeviceHealth first = lamps.light(1);
        assertSame(first, lamps.off(1));
        assertEquals(List.of("lamp desk 1", "lamp desk 2"), lamps.health().stream().map(DeviceHealth::device).toList());
    }

    @Test
    void closeTurnsEveryLampOffAndShutsPi4jDown() {
        Pi4jCallLamps lamps = lamps(ACTIVE_LOW);
        lamps.light(1);
        lamps.light(2);
        DigitalOutput one = context.io("lamp-desk-1", DigitalOutput.class);
        DigitalOutput two = context.io("lamp-desk-2", DigitalOutput.class);

        lamps.close();

        assertEquals(DigitalState.HIGH, one.state());
        assertEquals(DigitalState.HIGH, two.state());
        assertTrue(context.isShutdown());
        assertEquals(List.of("lamp desk 1 ON", "lamp desk 2 ON", "lamp desk 1 OFF", "lamp desk 2 OFF"), announced);
        assertEquals("lamps closed", lamps.light(1).detail());
    }

    @Test
    void mockPlatformFactoryLightsLamps() {
        try (Pi4jCallLamps lamps = Pi4jCallLamps.onMockPlatform(ACTIVE_HIGH, announced::add)) {
            assertEquals(State.ONLINE, lamps.light(1).state());
            assertTrue(lamps.isLit(1));
            assertEquals(List.of("lamp desk 1 ON"), announced);
        }
    }

    @Test
    void gpiodFactoryNeverThrows() {
        // On a Pi the lamps come up; elsewhere (a laptop, CI) each lamp says why it is OFFLINE.
        try (Pi4jCallLamps lamps = Pi4jCallLamps.onGpiod(ACTIVE_HIGH)) {
            assertEquals(2, lamps.health().size());
        }
    }
}
