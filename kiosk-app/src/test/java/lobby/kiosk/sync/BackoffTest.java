package lobby.kiosk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void waitsDoubleUpToTheCapWithJitterAroundThem() {
        Backoff b = new Backoff(new Random(7));
        long[] expected = {1000, 2000, 4000, 8000, 16000, 32000, 64000, 120000, 120000};
        for (long base : expected) {
            long wait = b.failed(0).toMillis();
            assertTrue(wait >= base / 2 && wait <= base * 3 / 2, "wait " + wait + " around " + base);
        }
    }

    @Test
    void aHundredKiosksFailingTogetherDoNotRetryTogether() {
        Set<Long> seconds = new HashSet<>();
        for (int kiosk = 0; kiosk < 100; kiosk++) {
            Backoff b = new Backoff(new Random(kiosk));
            for (int i = 0; i < 5; i++) {
                b.failed(0);
            }
            seconds.add(b.failed(0).toSeconds());
        }
        assertTrue(seconds.size() > 20, "retries spread over " + seconds.size() + " distinct seconds");
    }

    @Test
    void timedAttemptsWaitButASuccessResetsEverything() {
        Backoff b = new Backoff(new Random(1));
        assertTrue(b.ready(0));
        Duration wait = b.failed(0);
        assertFalse(b.ready(wait.toNanos() - 1));
        assertTrue(b.ready(wait.toNanos()));
        b.succeeded();
        assertEquals(0, b.failures());
        assertTrue(b.ready(0));
    }
}
