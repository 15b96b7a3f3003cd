package lobby.lamp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call lamps' logic over any {@link LampWires}: calls, their timers, acknowledgement,
 * escalation and the self-test. Time comes only from the injected clock and scheduler, so tests
 * run minutes of lamp behaviour in microseconds. One lock (this board) guards every lamp;
 * listeners hear about events through {@link LampEvents} once it is released.
 */
final class LampBoard implements CallLamps {
    /** Long enough to see from across the lobby, short enough that eight lamps take seconds. */
    static final Duration SELF_TEST_LAMP_ON = Duration.ofMillis(600);
    private static final Logger LOG = LoggerFactory.getLogger(LampBoard.class);

    private final LampConfig config;
    private final LampWires wires;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final LampEvents events;
    private final Runnable afterClose;
    private final Map<Integer, DeskLamp> lamps = new TreeMap<>();
    private final Map<Integer, Debounce> buttons = new TreeMap<>();
    /** Self-tests still walking, completed early by {@link #close}. */
    private final List<CompletableFuture<List<DeviceHealth>>> selfTests = new ArrayList<>();
    private boolean closed;

    /** @param afterClose releases what the factory made for these lamps (their scheduler) */
    static LampBoard start(LampConfig config, LampWires wires, ScheduledExecutorService scheduler, Clock clock,
                           Consumer<String> announcements, Runnable afterClose) {
        LampBoard board = new LampBoard(config, wires, scheduler, clock, announcements, afterClose);
        wires.listen(board::edge);
        return board;
    }

    private LampBoard(LampConfig config, LampWires wires, ScheduledExecutorService scheduler, Clock clock,
                      Consumer<String> announcements, Runnable afterClose) {
        this.config = config;
        this.wires = wires;
        this.scheduler = scheduler;
        this.clock = clock;
        this.events = new LampEvents(this, announcements);
        this.afterClose = afterClose;
        for (int desk : new TreeMap<>(config.deskPins()).keySet()) {
            lamps.put(desk, new DeskLamp(desk, config, wires, scheduler, clock, this));
        }
        config.buttonPins().keySet().forEach(desk -> buttons.put(desk, new Debounce(config.debounce())));
    }

    @Override
    public DeviceHealth light(int desk) {
        DeviceHealth health;
        synchronized (this) {
            DeskLamp lamp = lamps.get(desk);
            if (closed || lamp == null) {
                return missing(desk);
            }
            if (lamp.pattern() == Pattern.OFF) {
                change(lamp, desk, Pattern.STEADY);
                long call = lamp.call();
                lamp.keep(later(config.greetingTarget(), () -> {
                    if (lamp.call() == call && lamp.pattern() == Pattern.STEADY) {
                        change(lamp, desk, Pattern.SLOW_BLINK);
                    }
                }));
                lamp.keep(later(config.escalateAfter(), () -> {
                    if (lamp.call() == call) {
                        LOG.warn("{}: nobody acknowledged within {}, escalating", DeskLamp.device(desk),
                                config.escalateAfter());
                        change(lamp, desk, Pattern.FAST_BLINK);
                        events.escalated(desk);
                    }
                }));
            }
            health = lamp.health();
        }
        events.flush();
        return health;
    }

    @Override
    public DeviceHealth off(int desk) {
        return end(desk, false);
    }

    @Override
    public DeviceHealth acknowledge(int desk) {
        return end(desk, true);
    }

    private DeviceHealth end(int desk, boolean report) {
        DeviceHealth health;
        synchronized (this) {
            DeskLamp lamp = lamps.get(desk);
            if (closed || lamp == null) {
                return missing(desk);
            }
            if (lamp.pattern() != Pattern.OFF && report) {
                events.acknowledged(desk);
            }
            change(lamp, desk, Pattern.OFF);
            health = lamp.health();
        }
        events.flush();
        return health;
    }

    /** From the wires' thread: a press acknowledges a calling lamp; on a dark lamp it means nothing. */
    private void edge(int desk, boolean pressed) {
        synchronized (this) {
            Debounce debounce = buttons.get(desk);
            if (closed || debounce == null || !debounce.press(pressed, clock.instant())) {
                return;
            }
            LOG.info("{}: button pressed while {}", DeskLamp.device(desk), lamps.get(desk).pattern());
        }
        acknowledge(desk);
    }

    @Override
    public synchronized boolean isLit(int desk) {
        return pattern(desk) != Pattern.OFF;
    }

    @Override
    public synchronized Pattern pattern(int desk) {
        DeskLamp lamp = lamps.get(desk);
        return lamp == null ? Pattern.OFF : lamp.pattern();
    }

    @Override
    public void onAcknowledged(IntConsumer listener) {
        events.onAcknowledged(listener);
    }

    @Override
    public void onEscalated(IntConsumer listener) {
        events.onEscalated(listener);
    }

    @Override
    public CompletableFuture<List<DeviceHealth>> selfTest() {
        CompletableFuture<List<DeviceHealth>> done = new CompletableFuture<>();
        List<Integer> desks;
        synchronized (this) {
            desks = List.copyOf(lamps.keySet());
            selfTests.add(done);
        }
        testFrom(desks.iterator(), done);
        return done;
    }

    /** Lights the next lamp that is not calling; its timer turns it off and goes on. */
    private void testFrom(Iterator<Integer> desks, CompletableFuture<List<DeviceHealth>> done) {
        synchronized (this) {
            while (!closed && desks.hasNext()) {
                DeskLamp lamp = lamps.get(desks.next());
                if (lamp.pattern() == Pattern.OFF && lamp.drivable()) {
                    lamp.testing(true);
                    if (later(SELF_TEST_LAMP_ON, () -> {
                        lamp.testing(false);
                        events.afterLock(() -> testFrom(desks, done));
                    }) != null) {
                        return;
                    }
                    lamp.testing(false);
                }
            }
            selfTests.remove(done);
            List<DeviceHealth> health = health();
            events.afterLock(() -> done.complete(health));
        }
        events.flush();
    }

    @Override
    public synchronized List<DeviceHealth> health() {
        return lamps.values().stream().map(DeskLamp::health).toList();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            lamps.forEach((desk, lamp) -> {
                change(lamp, desk, Pattern.OFF);
                lamp.testing(false); // writes off to every lamp, calling or not
            });
            closed = true;
            wires.close();
            List<DeviceHealth> health = health();
            selfTests.forEach(test -> events.afterLock(() -> test.complete(health)));
            selfTests.clear();
        }
        events.flush();
        afterClose.run();
    }

    private void change(DeskLamp lamp, int desk, Pattern next) {
        if (lamp.pattern() != next) {
            lamp.show(next);
            events.announce(DeskLamp.device(desk) + " " + next);
        }
    }

    /**
     * Runs the task under the lock, unless the lamps closed meanwhile, then tells the listeners.
     * A scheduler that refuses (shut down under us) costs the timing, not the check-in: null.
     */
    private ScheduledFuture<?> later(Duration delay, Runnable task) {
        try {
            return scheduler.schedule(() -> {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    task.run();
                }
                events.flush();
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            LOG.error("call lamps: cannot schedule a lamp timer, lamps stay steady", e);
            return null;
        }
    }

    private DeviceHealth missing(int desk) {
        String detail = closed ? "lamps closed" : "no lamp pin configured for desk " + desk;
        return new DeviceHealth(DeskLamp.device(desk), State.OFFLINE, detail, Instant.now(clock));
    }
}
