package lobby.backoffice.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import lobby.checkin.Appointment;
import lobby.checkin.VisitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookingRulesTest {
    static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private final BookingRules rules = new BookingRules("demo", TODAY, Set.of("adv-chen", "adv-li"));

    private static BookingForm form(String id, String day, String time, String plate, String name, String kind,
                                    String advisor) {
        return new BookingForm(id, day, time, plate, name, kind, advisor);
    }

    private String problems(BookingForm form) {
        BookingRules.Checked c = rules.check(form, BookingRules.Names.JSON);
        assertFalse(c.ok(), "accepted: " + c.appointment());
        assertNull(c.appointment());
        return String.join("; ", c.problems());
    }

    @Test
    void aGoodBookingKeepsItsIdAndGetsItsPlateAsKiosksCompareIt() {
        BookingRules.Checked c = rules.check(form(" A-1_b ", "2025-03-14", "9:05", "粤a·8k2m6", " 张伟 ", "保养",
                "adv-li"), BookingRules.Names.JSON);
        assertEquals(List.of(), c.problems());
        assertFalse(c.freshId());
        assertEquals(new Appointment("A-1_b", "demo", TODAY, LocalTime.of(9, 5), "粤A8K2M6", "张伟",
                VisitKind.MAINTENANCE, "adv-li"), c.appointment());
    }

    @Test
    void withoutAnIdABookingGetsANewOneOfItsDay() {
        BookingRules.Checked one = rules.check(form(null, "2025/3/20", "17:30:00", "粤AD73521", "", "repair", " "),
                BookingRules.Names.JSON);
        BookingRules.Checked two = rules.check(form("", "2025-03-20", "17:30", "粤AD73521", null, "REPAIR", null),
                BookingRules.Names.JSON);
        assertTrue(one.freshId() && two.freshId());
        assertTrue(one.appointment().id().matches("20250320-[A-Z2-7]{6}"), one.appointment().id());
        assertNotEquals(one.appointment().id(), two.appointment().id());
        assertEquals(LocalDate.of(2025, 3, 20), one.appointment().day());
        assertEquals(VisitKind.REPAIR, one.appointment().kind());
        assertNull(one.appointment().customerName(), "a blank name is no name");
        assertNull(one.appointment().advisorId(), "a blank advisor is no advisor: the next free one");
    }

    @Test
    void theDayRunsFromTodayToAYearAndADayAhead() {
        assertTrue(rules.check(form(null, "2026-03-15", "08:00", "粤A8K2M6", null, "ENQUIRY", null),
                BookingRules.Names.JSON).ok());
        assertEquals("day 2025-03-13 is in the past (today is 2025-03-14)",
                problems(form(null, "2025-03-13", "08:00", "粤A8K2M6", null, "ENQUIRY", null)));
        assertEquals("day 2026-03-16 is more than 366 days ahead (today is 2025-03-14)",
                problems(form(null, "2026-03-16", "08:00", "粤A8K2M6", null, "ENQUIRY", null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-02-30 | 09:00 | day must be YYYY-MM-DD, was \"2025-02-30\"",
            "14/03/2025 | 09:00 | day must be YYYY-MM-DD, was \"14/03/2025\"",
            "2025-03-14 | 24:00 | time must be HH:mm from 00:00 to 23:59, was \"24:00\"",
            "2025-03-14 | 09:60 | time must be HH:mm from 00:00 to 23:59, was \"09:60\"",
            "2025-03-14 | 09:30:15 | time must be HH:mm from 00:00 to 23:59, was \"09:30:15\"",
            "2025-03-14 | 9.30 | time must be HH:mm from 00:00 to 23:59, was \"9.30\""})
    void daysAndTimesMustBeReal(String day, String time, String problem) {
        assertEquals(problem, problems(form(null, day, time, "粤A8K2M6", null, "PICKUP", null)));
    }

    @Test
    void everyProblemIsNamedInTheCallersWords() {
        String json = problems(form("a.b", null, null, "AB12345", "名".repeat(41), "oil change", "adv-wang"));
        String csv = String.join("; ", rules.check(form("a.b", null, null, "AB12345", "名".repeat(41), "oil change",
                "adv-wang"), BookingRules.Names.CSV).problems());
        for (String expected : List.of("id may hold 1-64 letters, digits, '-' and '_', was \"a.b\"",
                "day is missing", "time is missing",
                "plate \"AB12345\" is not a Chinese plate: A plate starts with a province character, e.g. 粤",
                "customerName is 41 characters long; at most 40",
                "kind must be one of MAINTENANCE (保养), REPAIR (维修)",
                "advisorId \"adv-wang\" is not an advisor of site demo (its advisors: adv-chen, adv-li)")) {
            assertTrue(json.contains(expected), expected + " not in: " + json);
        }
        assertTrue(csv.contains("customer_name is 41") && csv.contains("advisor_id \"adv-wang\""), csv);
    }

    @Test
    void plateNameAndKindProblems() {
        assertEquals("plate is missing", problems(form(null, "2025-03-14", "09:00", " ", null, "REPAIR", null)));
        assertEquals("plate is 17 characters long; at most 16",
                problems(form(null, "2025-03-14", "09:00", "粤".repeat(17), null, "REPAIR", null)));
        assertTrue(problems(form(null, "2025-03-14", "09:00", "粤AO1234", null, "REPAIR", null))
                .contains("Plates never use the letters I or O (车牌不使用字母 I 和 O)"));
        assertEquals("customerName holds a control character (a line break or tab?)",
                problems(form(null, "2025-03-14", "09:00", "粤A8K2M6", "张\n伟", "REPAIR", null)));
        assertTrue(problems(form(null, "2025-03-14", "09:00", "粤A8K2M6", null, null, null))
                .startsWith("kind is missing: one of MAINTENANCE (保养)"));
        assertTrue(rules.check(form(null, "2025-03-14", "09:00", "粤A8K2M6", "名".repeat(40), "故障救援", null),
                BookingRules.Names.JSON).ok(), "40 characters and a Chinese kind label are fine");
    }

    @Test
    void quotesAreCutShort() {
        assertEquals("\"" + "号".repeat(BookingRules.QUOTE_CHARS) + "…\"", BookingRules.quote("号".repeat(100)));
        assertEquals("\"short\"", BookingRules.quote("short"));
    }
}
