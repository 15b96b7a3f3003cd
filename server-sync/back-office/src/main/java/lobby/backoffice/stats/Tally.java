package lobby.backoffice.stats;

import java.time.Duration;
import java.time.Instant;
import lobby.backoffice.store.TicketTimeline;

/**
 * Sums over visits, turned into averages and a share at the end (not averages of averages).
 * A visit is a ticket that was not cancelled: a cancelled one was a mistake, not a customer.
 * A customer counts as greeted at the first acknowledgement of the lamp or call, whichever came
 * first; still waiting and never greeted counts against the share.
 */
final class Tally {
    static final String CANCELLED = "CANCELLED";
    private int visits;
    private int noShows;
    private int greeted;
    private final Mean toAck = new Mean();
    private final Mean toCall = new Mean();
    private final Mean service = new Mean();

    private static final class Mean {
        long sumMillis;
        int n;

        void add(Instant from, Instant to) {
            if (from != null && to != null) {
                sumMillis += Duration.between(from, to).toMillis();
                n++;
            }
        }

        /** Seconds to a tenth; null when nothing was measured. */
        Double seconds() {
            return n == 0 ? null : Math.round(sumMillis / (double) n / 100.0) / 10.0;
        }
    }

    void add(TicketTimeline t, Duration greetingTarget) {
        if (CANCELLED.equals(t.status())) {
            return;
        }
        visits++;
        if ("NO_SHOW".equals(t.status())) {
            noShows++;
        }
        toAck.add(t.issued(), t.acknowledged());
        toCall.add(t.issued(), t.called());
        service.add(t.started(), t.done());
        Instant greeting = first(t.acknowledged(), t.called());
        if (greeting != null && Duration.between(t.issued(), greeting).compareTo(greetingTarget) <= 0) {
            greeted++;
        }
    }

    private static Instant first(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    Figures figures() {
        Double share = visits == 0 ? null : Math.round(greeted * 1000.0 / visits) / 1000.0;
        return new Figures(visits, toAck.seconds(), toCall.seconds(), service.seconds(), share, noShows);
    }
}
