package lobby.backoffice.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The days a report covers: a day, the ISO week (Monday to Sunday) or the calendar month that
 * holds the given date. Days are the site's (a ticket's day is the day it was issued).
 *
 * @param to the last day, inclusive
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {
    public enum Kind {
        DAY, WEEK, MONTH;

        /** "day", "Week", "MONTH"; null when it is none of them. */
        public static Kind parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    public static Period of(Kind kind, LocalDate date) {
        return switch (kind) {
            case DAY -> new Period(kind, date, date);
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(kind, monday, monday.plusDays(6));
            }
            case MONTH -> new Period(kind, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    public LocalDate toExclusive() {
        return to.plusDays(1);
    }
}
