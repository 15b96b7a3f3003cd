package lobby.backoffice.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lobby.backoffice.store.TicketTimeline;
import lobby.checkin.VisitKind;

/**
 * A period's statistics: one row per advisor and kind of visit, the period's total, and the
 * total of each day (for charts). Computed from the tickets' events, never from stored figures.
 *
 * @param from first day; {@code to} last day, inclusive
 */
public record Report(String period, LocalDate from, LocalDate to, long greetingTargetSeconds, List<Row> rows,
                     Figures total, List<Day> days) {
    /** One advisor's visits of one kind; advisor null for visits nobody took. */
    public record Row(String advisorId, String advisorName, String kind, @JsonUnwrapped Figures figures) {
    }

    public record Day(LocalDate date, @JsonUnwrapped Figures figures) {
    }

    /** The greeting target of the reception procedure: a customer is greeted within 15 s. */
    public static final Duration DEFAULT_GREETING_TARGET = Duration.ofSeconds(15);

    private record Key(String advisorId, String advisorName, String kind) {
    }

    /** Visits by advisor (by id, nobody's last), then by kind in the kiosk's order. */
    private static final Comparator<Key> ORDER = Comparator
            .comparing(Key::advisorId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(k -> kindOrder(k.kind()));

    public static Report of(Period period, List<TicketTimeline> visits, Duration greetingTarget) {
        Map<Key, Tally> byRow = new TreeMap<>(ORDER);
        Map<LocalDate, Tally> byDay = new LinkedHashMap<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            byDay.put(d, new Tally());
        }
        Tally total = new Tally();
        for (TicketTimeline t : visits) {
            if (Tally.CANCELLED.equals(t.status())) {
                continue; // not a visit: no row of zeros for it
            }
            byRow.computeIfAbsent(new Key(t.advisorId(), t.advisorName(), t.kind()), k -> new Tally())
                    .add(t, greetingTarget);
            byDay.computeIfAbsent(t.day(), d -> new Tally()).add(t, greetingTarget);
            total.add(t, greetingTarget);
        }
        List<Row> rows = new ArrayList<>();
        byRow.forEach((k, tally) -> rows.add(new Row(k.advisorId(), k.advisorName(), k.kind(), tally.figures())));
        List<Day> days = new ArrayList<>();
        byDay.forEach((d, tally) -> days.add(new Day(d, tally.figures())));
        return new Report(period.kind().name().toLowerCase(java.util.Locale.ROOT), period.from(), period.to(),
                greetingTarget.toSeconds(), rows, total.figures(), days);
    }

    private static int kindOrder(String kind) {
        for (VisitKind k : VisitKind.values()) {
            if (k.name().equals(kind)) {
                return k.ordinal();
            }
        }
        return VisitKind.values().length;
    }
}
