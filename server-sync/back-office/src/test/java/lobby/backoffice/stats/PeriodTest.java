package lobby.backoffice.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
    private static final LocalDate FRIDAY = LocalDate.of(2025, 3, 14);

    @Test
    void aDayAnIsoWeekAndACalendarMonth() {
        assertEquals(new Period(Period.Kind.DAY, FRIDAY, FRIDAY), Period.of(Period.Kind.DAY, FRIDAY));
        assertEquals(new Period(Period.Kind.WEEK, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 16)),
                Period.of(Period.Kind.WEEK, FRIDAY));
        assertEquals(new Period(Period.Kind.WEEK, LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 5)),
                Period.of(Period.Kind.WEEK, LocalDate.of(2025, 1, 1)), "a week across the new year");
        assertEquals(new Period(Period.Kind.MONTH, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
                Period.of(Period.Kind.MONTH, LocalDate.of(2024, 2, 10)));
        assertEquals(LocalDate.of(2025, 3, 15), Period.of(Period.Kind.DAY, FRIDAY).toExclusive());
    }

    @Test
    void periodNamesInAnyCase() {
        assertEquals(Period.Kind.WEEK, Period.Kind.parse(" Week "));
        assertNull(Period.Kind.parse("fortnight"));
    }
}
