package lobby.lamp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import lobby.lamp.CallLamps.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desk's lamp: the pattern it shows, the level its output should have now, and its health.
 * Every write goes through {@link #write}, which turns a failing pin into OFFLINE health.
 * Guarded by the board's lock: every method, and the blink task, runs holding {@code lock}.
 */
final class DeskLamp {
    static final Duration SLOW_BLINK_PERIOD = Duration.ofSeconds(1);
    static final Duration FAST_BLINK_PERIOD = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(DeskLamp.class);

    private final int desk;
    private final String pin;
    private final LampWires wires;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Object lock;
    /** Why the lamp cannot be driven at all (then nothing is written), or null. */
    private final String lampProblem;
    /** Why the lamp is usable but its button is not, or null. */
    private final String buttonProblem;
    private final List<ScheduledFuture<?>> callTimers = new ArrayList<>();
    private ScheduledFuture<?> blinker;
    private Pattern pattern = Pattern.OFF;
    /*
     * A timer can fire after being cancelled (it was already waiting for the lock), so timers
     * check these: call is bumped when a call starts or ends, generation on every pattern change.
     */
    private long call;
    private long generation;
    private boolean level;
    private boolean testing;
    private DeviceHealth health;

    DeskLamp(int desk, LampConfig config, LampWires wires, ScheduledExecutorService scheduler, Clock clock,
             Object lock) {
        this.desk = desk;
        this.pin = "BCM " + config.deskPins().get(desk);
        this.wires = wires;
        this.scheduler = scheduler;
        this.clock = clock;
        this.lock = lock;
        this.lampProblem = wires.lampProblem(desk).map(p -> "lamp of desk " + desk + " on " + pin
                + " cannot be set up as an output: " + p).orElse(null);
        Integer button = config.buttonPins().get(desk);
        this.buttonProblem = wires.buttonProblem(desk).map(p -> "button of desk " + desk + " on BCM " + button
                + " cannot be set up, acknowledge from the back office: " + p).orElse(null);
        this.health = lampProblem != null ? health(State.OFFLINE, lampProblem) : working();
        if (health.state() == State.OFFLINE) {
            LOG.error("{}", health);
        } else if (health.state() == State.DEGRADED) {
            LOG.warn("{}", health);
        }
    }

    Pattern pattern() {
        return pattern;
    }

    long call() {
        return call;
    }

    /** False when the output could not be set up: nothing is ever written to it. */
    boolean drivable() {
        return lampProblem == null;
    }

    DeviceHealth health() {
        return health;
    }

    /** Shows the pattern from its lit half; leaves the call timers alone unless it is OFF. */
    void show(Pattern next) {
        if (next == pattern) {
            return;
        }
        if (pattern == Pattern.OFF || next == Pattern.OFF) {
            call++;
        }
        if (next == Pattern.OFF) {
            callTimers.forEach(t -> t.cancel(false));
            callTimers.clear();
        }
        if (blinker != null) {
            blinker.cancel(false);
            blinker = null;
        }
        pattern = next;
        generation++;
        write(next != Pattern.OFF || testing);
        Duration period = next == Pattern.SLOW_BLINK ? SLOW_BLINK_PERIOD
                : next == Pattern.FAST_BLINK ? FAST_BLINK_PERIOD : null;
        if (period != null) {
            long half = period.toNanos() / 2;
            long mine = generation;
            try {
                blinker = scheduler.scheduleAtFixedRate(() -> {
                    synchronized (lock) {
                        if (generation == mine) {
                            write(!level);
                        }
                    }
                }, half, half, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                LOG.error("{}: cannot schedule blinking, the lamp stays on", device(desk), e);
            }
        }
    }

    /** Keeps a call's timer so that ending the call cancels it. */
    void keep(ScheduledFuture<?> timer) {
        if (timer != null) {
            callTimers.add(timer);
        }
    }

    /** The self-test's moment: on while not calling, then back to whatever the pattern says. */
    void testing(boolean on) {
        testing = on;
        if (pattern == Pattern.OFF) {
            write(on);
        }
    }

    private void write(boolean lit) {
        level = lit;
        if (lampProblem != null) {
            return;
        }
        try {
            wires.lamp(desk, lit);
        } catch (RuntimeException e) {
            record(health(State.OFFLINE, "lamp of desk " + desk + " on " + pin + " did not switch "
                    + (lit ? "on" : "off") + ": " + e.getMessage()), e);
            return;
        }
        record(working(), null);
    }

    /** Keeps {@code since} while nothing changes, and logs changes only: blinking writes often. */
    private void record(DeviceHealth now, RuntimeException cause) {
        if (health.state() == now.state() && health.detail().equals(now.detail())) {
            return;
        }
        if (now.state() == State.OFFLINE) {
            LOG.error("{}", now, cause);
        } else {
            LOG.info("{} (was {})", now, health);
        }
        health = now;
    }

    private DeviceHealth working() {
        return buttonProblem == null ? DeviceHealth.online(device(desk), clock.instant())
                : health(State.DEGRADED, buttonProblem);
    }

    private DeviceHealth health(State state, String detail) {
        return new DeviceHealth(device(desk), state, detail, clock.instant());
    }

    static String device(int desk) {
        return "lamp desk " + desk;
    }
}
