package lobby.kiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * The kiosk's idea of the time: the back office's clock, carried forward on the monotonic
 * clock from the last exchange with it. A Raspberry Pi has no real-time clock: it may boot with
 * a stale time, and NTP may later step the wall clock by hours or backwards. Neither moves this
 * clock once it has heard the server: it is set from the server's time at each exchange (half
 * the round trip added) and runs on {@link System#nanoTime}, which never jumps.
 *
 * <p>Before the first exchange since the kiosk started, it falls back to the wall clock and
 * says so ({@link #synced()} false): tickets issued then are flagged, and the back office then
 * times them by their arrival rather than by what the kiosk wrote.
 */
public final class SyncedClock extends Clock {
    /** The server's time at a moment of the monotonic clock. */
    private record Anchor(Instant server, long nanos) {
    }

    private final Clock wall;
    private final LongSupplier nanos;
    private volatile Anchor anchor;

    /** @param nanos the monotonic clock ({@code System::nanoTime}; tests drive their own) */
    public SyncedClock(Clock wall, LongSupplier nanos) {
        this.wall = wall;
        this.nanos = nanos;
    }

    public static SyncedClock system(Clock wall) {
        return new SyncedClock(wall, System::nanoTime);
    }

    /** The monotonic clock, for timing an exchange with the server. */
    public long nanos() {
        return nanos.getAsLong();
    }

    /**
     * Takes the server's time from an answer.
     *
     * @param serverTime  the server's clock as it answered (null: an older server; ignored)
     * @param sentNanos   {@link #nanos()} when the request left
     * @param answerNanos {@link #nanos()} when the answer came back
     */
    public void observe(Instant serverTime, long sentNanos, long answerNanos) {
        if (serverTime == null || answerNanos < sentNanos) {
            return;
        }
        // The server read its clock somewhere in the round trip: the middle is the best guess.
        anchor = new Anchor(serverTime.plusNanos((answerNanos - sentNanos) / 2), answerNanos);
    }

    /** True once the server's time has been heard since the kiosk started. */
    public boolean synced() {
        return anchor != null;
    }

    /** How far the wall clock is behind the server's (negative: ahead); zero before the first exchange. */
    public Duration offset() {
        Anchor a = anchor;
        return a == null ? Duration.ZERO : Duration.between(wall.instant(), instant());
    }

    @Override
    public Instant instant() {
        Anchor a = anchor;
        return a == null ? wall.instant() : a.server().plusNanos(nanos.getAsLong() - a.nanos());
    }

    @Override
    public ZoneId getZone() {
        return wall.getZone();
    }

    /** A view in another zone that follows this clock, later exchanges included. */
    @Override
    public Clock withZone(ZoneId zone) {
        SyncedClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
