package lobby.scanner;

import java.time.Clock;
import java.util.Objects;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner's health, written by its reader thread and read by the UI. {@code since} is kept
 * while nothing changes, so the screen can say how long a fault has lasted; changes are logged.
 */
final class HealthTracker {
    private static final Logger LOG = LoggerFactory.getLogger(HealthTracker.class);

    private final Clock clock;
    private volatile DeviceHealth health;

    HealthTracker(String device, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new DeviceHealth(device, State.OFFLINE, "not started", clock.instant());
    }

    String device() {
        return health.device();
    }

    DeviceHealth current() {
        return health;
    }

    synchronized DeviceHealth update(State state, String detail) {
        DeviceHealth now = health;
        if (now.state() != state || !now.detail().equals(detail)) {
            now = new DeviceHealth(now.device(), state, detail, clock.instant());
            health = now;
            if (state == State.ONLINE) {
                LOG.info("{}", now);
            } else {
                LOG.warn("{}", now);
            }
        }
        return now;
    }
}
