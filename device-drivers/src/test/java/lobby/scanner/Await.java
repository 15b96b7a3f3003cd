package lobby.scanner;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting in tests without sleeps: poll a condition until it holds or the deadline passes. */
final class Await {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Await() {
    }

    /** The first value that passes {@code test}; fails with the last value seen when the deadline passes. */
    static <T> T until(String what, Supplier<T> value, Predicate<T> test, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T now = value.get();
            if (test.test(now)) {
                return now;
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError(what + " not within " + deadline.toMillis() + " ms; last: " + now);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
