package lobby.lamp;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call lamps on GPIO outputs through Pi4J: the only class that knows Pi4J. The platform is
 * never auto-detected; the kiosk's configuration picks {@link #onGpiod} or {@link #onMockPlatform}.
 * A lamp that cannot be driven reports OFFLINE health instead of failing the check-in.
 *
 * <p>Lamps are steady for now; blinking patterns will drive the same outputs from an injected
 * scheduler, so all pin writes go through {@code drive}.
 */
public final class Pi4jCallLamps implements CallLamps {
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jCallLamps.class);

    private final Context context;
    private final Consumer<String> listener;
    private final Clock clock;
    private final DigitalState litState;
    private final DigitalState offState;
    private final Map<Integer, DigitalOutput> outputs = new TreeMap<>();
    private final Map<Integer, DeviceHealth> health = new TreeMap<>();
    private boolean closed;

    public static Pi4jCallLamps onMockPlatform(LampConfig config) {
        return onMockPlatform(config, change -> { });
    }

    /** Pi4J's mock platform: the pins exist only in memory. For demos and tests. */
    public static Pi4jCallLamps onMockPlatform(LampConfig config, Consumer<String> listener) {
        return start(config, listener, MockDigitalOutputProvider.ID, "mock", () -> Pi4J.newContextBuilder()
                .noAutoDetect().add(new MockPlatform()).add(MockDigitalOutputProvider.newInstance()).build());
    }

    public static Pi4jCallLamps onGpiod(LampConfig config) {
        return onGpiod(config, change -> { });
    }

    /** The Pi's GPIO through the kernel's character device (libgpiod): Raspberry Pi 4 and 5. */
    public static Pi4jCallLamps onGpiod(LampConfig config, Consumer<String> listener) {
        return start(config, listener, GpioDDigitalOutputProvider.ID, "gpiod", () -> Pi4J.newContextBuilder()
                .noAutoDetect().add(GpioDDigitalOutputProvider.newInstance()).build());
    }

    private static Pi4jCallLamps start(LampConfig config, Consumer<String> listener, String provider, String kind,
                                       Supplier<Context> contexts) {
        LOG.info("call lamps on {} GPIO, active {}: desk to BCM pin {}", kind, config.activeLow() ? "low" : "high",
                new TreeMap<>(config.deskPins()));
        Context context;
        try {
            context = contexts.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("call lamps: {} GPIO cannot start, all lamps OFFLINE", kind, e);
            return new Pi4jCallLamps(null, provider, config, listener, Clock.systemUTC(), kind + " GPIO unavailable: " + e);
        }
        return new Pi4jCallLamps(context, provider, config, listener, Clock.systemUTC(), null);
    }

    /** @param contextProblem why there is no context (then {@code context} is null), else null */
    Pi4jCallLamps(Context context, String provider, LampConfig config, Consumer<String> listener, Clock clock,
                  String contextProblem) {
        this.context = context;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = clock;
        this.litState = config.activeLow() ? DigitalState.LOW : DigitalState.HIGH;
        this.offState = config.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
        config.deskPins().forEach((desk, pin) -> {
            if (context == null) {
                health.put(desk, offline(desk, contextProblem));
                return;
            }
            try {
                outputs.put(desk, context.create(DigitalOutput.newConfigBuilder(context)
                        .id("lamp-desk-" + desk).name("call lamp desk " + desk).address(pin)
                        .initial(offState).shutdown(offState).provider(provider)));
                health.put(desk, DeviceHealth.online(device(desk), clock.instant()));
            } catch (RuntimeException e) {
                LOG.error("lamp desk {}: BCM {} cannot be set up as an output: {}", desk, pin, e.toString());
                health.put(desk, offline(desk, "BCM " + pin + " cannot be set up: " + e.getMessage()));
            }
        });
    }

    @Override
    public synchronized DeviceHealth light(int desk) {
        return drive(desk, true);
    }

    @Override
    public synchronized DeviceHealth off(int desk) {
        return drive(desk, false);
    }

    @Override
    public synchronized boolean isLit(int desk) {
        DigitalOutput output = outputs.get(desk);
        return output != null && output.state() == litState;
    }

    @Override
    public synchronized List<DeviceHealth> health() {
        return List.copyOf(health.values());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        for (int desk : new ArrayList<>(outputs.keySet())) {
            drive(desk, false);
        }
        closed = true;
        outputs.clear();
        if (context != null) {
            try {
                context.shutdown();
            } catch (RuntimeException e) {
                LOG.warn("call lamps: Pi4J shutdown failed", e);
            }
        }
    }

    private DeviceHealth drive(int desk, boolean lit) {
        if (closed) {
            return offline(desk, "lamps closed");
        }
        DigitalOutput output = outputs.get(desk);
        if (output == null) {
            return health.getOrDefault(desk, offline(desk, "no pin configured"));
        }
        boolean was;
        try {
            was = output.state() == litState;
            output.state(lit ? litState : offState);
        } catch (RuntimeException e) {
            LOG.warn("lamp desk {}: cannot switch {}", desk, lit ? "on" : "off", e);
            return record(desk, offline(desk, "BCM " + output.address() + ": " + e.getMessage()));
        }
        if (was != lit) {
            announce(device(desk) + (lit ? " ON" : " OFF"));
        }
        return record(desk, DeviceHealth.online(device(desk), clock.instant()));
    }

    /** A failing listener (a screen, a log) must not make a working lamp look broken. */
    private void announce(String change) {
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            LOG.warn("call lamps: listener failed on \"{}\"", change, e);
        }
    }

    /** Keeps {@code since} while the state and detail stay the same. */
    private DeviceHealth record(int desk, DeviceHealth now) {
        DeviceHealth before = health.get(desk);
        if (before != null && before.state() == now.state() && before.detail().equals(now.detail())) {
            return before;
        }
        health.put(desk, now);
        return now;
    }

    private DeviceHealth offline(int desk, String detail) {
        return new DeviceHealth(device(desk), State.OFFLINE, detail, clock.instant());
    }

    private static String device(int desk) {
        return "lamp desk " + desk;
    }
}
