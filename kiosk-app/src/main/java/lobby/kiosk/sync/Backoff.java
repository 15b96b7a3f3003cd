package lobby.kiosk.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try the back office again after failures: doubling from {@link #BASE} up to
 * {@link #MAX}, each wait spread by ±50 % so that a hundred kiosks coming back after an outage
 * do not all knock at the same moment. Measured on the monotonic clock, never the wall clock
 * (a Pi boots without a real-time clock and may jump).
 */
final class Backoff {
    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(2);

    private final RandomGenerator random;
    private int failures;
    private long notBefore;

    Backoff(RandomGenerator random) {
        this.random = random;
    }

    /** Records a failure at {@code nowNanos} and returns the wait before the next timed attempt. */
    synchronized Duration failed(long nowNanos) {
        failures = Math.min(failures + 1, 30);
        long base = Math.min(MAX.toMillis(), BASE.toMillis() << Math.min(failures - 1, 20));
        long wait = (long) (base * (0.5 + random.nextDouble()));
        notBefore = nowNanos + Duration.ofMillis(wait).toNanos();
        return Duration.ofMillis(wait);
    }

    synchronized void succeeded() {
        failures = 0;
        notBefore = 0;
    }

    /** Whether a timed attempt may go ahead now; writes and reconnects do not wait for this. */
    synchronized boolean ready(long nowNanos) {
        return failures == 0 || nowNanos - notBefore >= 0;
    }

    synchronized int failures() {
        return failures;
    }
}
