package lobby.sync;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Ticket numbers a kiosk may give out on its own, offline included: the back office leases
 * each kiosk blocks of a series for a day, and never leases a number twice. A kiosk that runs
 * out of leased numbers while offline numbers in its own marked series (series letter, its
 * mark, two digits: {@code BK07}), which no other kiosk of the site uses.
 *
 * @param series one letter, see {@link lobby.checkin.Ticket#series}
 * @param first  first number of the block, inclusive
 * @param last   last number of the block, inclusive
 */
public record NumberLease(LocalDate day, String series, int first, int last) {
    public NumberLease {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(series, "series");
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("a lease runs from 1 upwards, first to last: " + first + "-" + last);
        }
    }

    public int size() {
        return last - first + 1;
    }

    /** What a kiosk asks for: a block per series for a day. */
    public record Request(String kioskId, LocalDate day, List<String> series, int size) {
    }

    /**
     * The answer: new blocks, and the kiosk's mark (one letter, unique among the site's kiosks)
     * for its fallback series.
     */
    public record Grant(List<NumberLease> leases, String mark, String epoch, java.time.Instant serverTime) {
        public Grant {
            leases = List.copyOf(leases);
        }
    }
}
