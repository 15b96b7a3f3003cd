package lobby.backoffice.access;

import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a kiosk id, a client address): up to {@code burst} requests at once,
 * refilled at {@code perSecond}. A kiosk pushes a few times a minute, so the limit only bites a
 * kiosk that loops or a stolen token used to flood the server.
 */
public final class RateLimit {
    /** Buckets kept before idle ones are dropped; bounds memory when keys are client addresses. */
    static final int MAX_KEYS = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimit(double perSecond, int burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and burst, was " + perSecond
                    + "/s with burst " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    public RateLimit(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    /** No limit at all (benchmarks measuring the server, not the limiter). */
    public static RateLimit unlimited() {
        return new RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE);
    }

    /** @return empty if the request may go ahead, else how long until it may */
    public Optional<Duration> acquire(String key) {
        if (Double.isInfinite(perSecond)) {
            return Optional.empty();
        }
        if (buckets.size() > MAX_KEYS) {
            dropIdle();
        }
        long now = nanoTime.getAsLong();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - b.tokens) / perSecond * 1e9)));
        }
    }

    /** Buckets that would be full again are the same as no bucket. */
    private void dropIdle() {
        long now = nanoTime.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().at) / 1e9 * perSecond >= burst;
            }
        });
    }
}
