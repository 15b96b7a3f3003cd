package lobby.backoffice.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The raw material of the managers' statistics: every visit of a period with the times of its steps. */
public final class Statistics {
    private final Database db;
    private final SiteStore sites;
    private final TicketEventStore events;

    Statistics(Database db, SiteStore sites, TicketEventStore events) {
        this.db = db;
        this.sites = sites;
        this.events = events;
    }

    /** @return empty for an unknown site; else the visits of the days {@code from} to {@code toExclusive} */
    public Optional<List<TicketTimeline>> visits(String site, LocalDate from, LocalDate toExclusive) {
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException("an empty period: " + from + " to " + toExclusive);
        }
        return db.read("reading the visits of site " + site + " from " + from + " to " + toExclusive, c ->
                sites.site(c, site).isEmpty() ? Optional.empty()
                        : Optional.of(events.timelines(c, site, from, toExclusive)));
    }
}
