package lobby.lamp;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call lamps on GPIO through Pi4J: the only class that knows Pi4J. The platform is never
 * auto-detected; the kiosk's configuration picks {@link #onGpiod} or {@link #onMockPlatform}.
 * Pins that cannot be set up come back as health, never as an exception.
 */
public final class Pi4jCallLamps {
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jCallLamps.class);

    private Pi4jCallLamps() {
    }

    public static CallLamps onMockPlatform(LampConfig config) {
        return onMockPlatform(config, change -> { });
    }

    /** Pi4J's mock platform: the pins exist only in memory. For the simulator and demos. */
    public static CallLamps onMockPlatform(LampConfig config, Consumer<String> listener) {
        ScheduledExecutorService timers = timerThread();
        return onMockPlatform(config, listener, timers, Clock.systemUTC(), timers::shutdownNow);
    }

    /** Timing from the caller (a test's virtual time); the caller also shuts the scheduler down. */
    public static CallLamps onMockPlatform(LampConfig config, Consumer<String> listener,
                                           ScheduledExecutorService scheduler, Clock clock) {
        return onMockPlatform(config, listener, scheduler, clock, () -> { });
    }

    public static CallLamps onGpiod(LampConfig config) {
        return onGpiod(config, change -> { });
    }

    /** The Pi's GPIO through the kernel's character device (libgpiod): Raspberry Pi 4 and 5. */
    public static CallLamps onGpiod(LampConfig config, Consumer<String> listener) {
        ScheduledExecutorService timers = timerThread();
        return onGpiod(config, listener, timers, Clock.systemUTC(), timers::shutdownNow);
    }

    public static CallLamps onGpiod(LampConfig config, Consumer<String> listener,
                                    ScheduledExecutorService scheduler, Clock clock) {
        return onGpiod(config, listener, scheduler, clock, () -> { });
    }

    private static CallLamps onMockPlatform(LampConfig config, Consumer<String> listener,
                                            ScheduledExecutorService scheduler, Clock clock, Runnable afterClose) {
        Wires wires = Wires.start(config, "mock", MockDigitalOutputProvider.ID, MockDigitalInputProvider.ID,
                () -> Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
                        .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance()).build());
        return LampBoard.start(config, wires, scheduler, clock, listener, afterClose);
    }

    private static CallLamps onGpiod(LampConfig config, Consumer<String> listener,
                                     ScheduledExecutorService scheduler, Clock clock, Runnable afterClose) {
        Wires wires = Wires.start(config, "gpiod", GpioDDigitalOutputProvider.ID, GpioDDigitalInputProvider.ID,
                () -> Pi4J.newContextBuilder().noAutoDetect()
                        .add(GpioDDigitalOutputProvider.newInstance(), GpioDDigitalInputProvider.newInstance()).build());
        return LampBoard.start(config, wires, scheduler, clock, listener, afterClose);
    }

    /** One daemon thread for blinking and timers: a stuck lamp must never keep the kiosk alive. */
    private static ScheduledExecutorService timerThread() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "call-lamps");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true); // an acknowledged call's 60 s timer leaves at once
        return timers;
    }

    /** The lamp outputs and button inputs of one Pi4J context, which these wires own. */
    static final class Wires implements LampWires {
        private final Context context;
        private final DigitalState litState;
        private final DigitalState offState;
        private final Map<Integer, DigitalOutput> outputs = new TreeMap<>();
        private final Map<Integer, DigitalInput> inputs = new TreeMap<>();
        private final Map<Integer, String> problems = new TreeMap<>();
        private final Map<Integer, String> buttonProblems = new TreeMap<>();

        static Wires start(LampConfig config, String kind, String outputProvider, String inputProvider,
                           Supplier<Context> contexts) {
            LOG.info("call lamps on {} GPIO, active {}: desk to BCM pin {}, buttons {}", kind,
                    config.activeLow() ? "low" : "high", new TreeMap<>(config.deskPins()),
                    new TreeMap<>(config.buttonPins()));
            try {
                return new Wires(contexts.get(), outputProvider, inputProvider, config, null);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("call lamps: {} GPIO cannot start, all lamps OFFLINE", kind, e);
                return new Wires(null, outputProvider, inputProvider, config, kind + " GPIO unavailable: " + e);
            }
        }

        /** @param contextProblem why there is no context (then {@code context} is null), else null */
        Wires(Context context, String outputProvider, String inputProvider, LampConfig config,
              String contextProblem) {
            this.context = context;
            this.litState = config.activeLow() ? DigitalState.LOW : DigitalState.HIGH;
            this.offState = config.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
            config.deskPins().forEach((desk, pin) -> {
                if (context == null) {
                    problems.put(desk, contextProblem);
                    return;
                }
                try {
                    outputs.put(desk, context.create(DigitalOutput.newConfigBuilder(context)
                            .id("lamp-desk-" + desk).name("call lamp desk " + desk).address(pin)
                            .initial(offState).shutdown(offState).provider(outputProvider)));
                } catch (RuntimeException e) {
                    problems.put(desk, String.valueOf(e.getMessage()));
                }
            });
            config.buttonPins().forEach((desk, pin) -> {
                if (context == null) {
                    buttonProblems.put(desk, contextProblem);
                    return;
                }
                try {
                    // Pi4J's debounce only works on gpiod (the mock has none); the lamps debounce
                    // again on their own clock, which is what the tests exercise.
                    inputs.put(desk, context.create(DigitalInput.newConfigBuilder(context)
                            .id("button-desk-" + desk).name("acknowledge button desk " + desk).address(pin)
                            .pull(PullResistance.PULL_UP)
                            .debounce(config.debounce().toNanos() / 1000, TimeUnit.MICROSECONDS)
                            .provider(inputProvider)));
                } catch (RuntimeException e) {
                    buttonProblems.put(desk, String.valueOf(e.getMessage()));
                }
            });
        }

        @Override
        public Optional<String> lampProblem(int desk) {
            return Optional.ofNullable(problems.get(desk));
        }

        @Override
        public Optional<String> buttonProblem(int desk) {
            return Optional.ofNullable(buttonProblems.get(desk));
        }

        @Override
        public void lamp(int desk, boolean lit) {
            DigitalOutput output = Objects.requireNonNull(outputs.get(desk), () -> "no output for desk " + desk);
            output.state(lit ? litState : offState);
        }

        /** The button pulls its pin to ground: low is pressed. */
        @Override
        public void listen(Buttons buttons) {
            inputs.forEach((desk, input) -> input.addListener(e -> buttons.edge(desk, e.state() == DigitalState.LOW)));
        }

        @Override
        public void close() {
            if (context == null) {
                return;
            }
            try {
                context.shutdown();
            } catch (RuntimeException e) {
                LOG.warn("call lamps: Pi4J shutdown failed", e);
            }
        }
    }
}
