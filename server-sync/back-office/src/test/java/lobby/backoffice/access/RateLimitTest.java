package lobby.backoffice.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private final AtomicLong now = new AtomicLong();
    private final RateLimit limit = new RateLimit(2, 3, now::get);

    @Test
    void aBurstThenTheSteadyRateAndTheWaitUntilTheNext() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.acquire("kiosk-1"), "request " + i + " of the burst");
        }
        assertEquals(Optional.of(Duration.ofMillis(500)), limit.acquire("kiosk-1"));
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertTrue(limit.acquire("kiosk-1").isPresent());
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(Optional.empty(), limit.acquire("kiosk-1"));
        assertEquals(Optional.empty(), limit.acquire("kiosk-2"), "each key has its own bucket");
    }

    @Test
    void anIdleKeyRefillsToItsBurstNotBeyond() {
        for (int i = 0; i < 3; i++) {
            limit.acquire("k");
        }
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.acquire("k"));
        }
        assertTrue(limit.acquire("k").isPresent());
    }

    @Test
    void unlimitedNeverRefuses() {
        RateLimit none = RateLimit.unlimited();
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Optional.empty(), none.acquire("k"));
        }
    }
}
