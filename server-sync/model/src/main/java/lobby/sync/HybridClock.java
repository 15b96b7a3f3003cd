package lobby.sync;

import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni et al.): timestamps that follow the wall clock when it
 * behaves, and still only ever move forward when it does not: a Pi that boots with a stale
 * time, or a clock stepped backwards by NTP. Events of one kiosk are ordered by their stamps;
 * merging the server's stamps keeps a kiosk's later events after what it has seen.
 *
 * <p>Stamps print as fixed-width text ({@code 0001732240000000.0003}) so they sort as strings.
 */
public final class HybridClock {
    /** A point in hybrid time: wall milliseconds and a counter for events within one millisecond. */
    public record Stamp(long wallMillis, int counter) implements Comparable<Stamp> {
        public static Stamp parse(String text) {
            int dot = text.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("not a hybrid clock stamp: " + text);
            }
            return new Stamp(Long.parseLong(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        }

        @Override
        public int compareTo(Stamp o) {
            return wallMillis != o.wallMillis ? Long.compare(wallMillis, o.wallMillis) : Integer.compare(counter, o.counter);
        }

        @Override
        public String toString() {
            return String.format("%016d.%04d", wallMillis, counter);
        }
    }

    private final LongSupplier wall;
    private long last;
    private int counter;

    /** @param wall the wall clock in epoch milliseconds */
    public HybridClock(LongSupplier wall) {
        this.wall = wall;
    }

    /** A stamp for a local event, later than every stamp this clock has issued or seen. */
    public synchronized Stamp now() {
        long physical = wall.getAsLong();
        if (physical > last) {
            last = physical;
            counter = 0;
        } else {
            counter++;
        }
        return new Stamp(last, counter);
    }

    /** Takes in a stamp from elsewhere (the server), so later local stamps come after it. */
    public synchronized Stamp observe(Stamp remote) {
        long physical = wall.getAsLong();
        long max = Math.max(Math.max(last, remote.wallMillis()), physical);
        if (max == last && max == remote.wallMillis()) {
            counter = Math.max(counter, remote.counter()) + 1;
        } else if (max == last) {
            counter++;
        } else if (max == remote.wallMillis()) {
            counter = remote.counter() + 1;
        } else {
            counter = 0;
        }
        last = max;
        return new Stamp(last, counter);
    }
}
