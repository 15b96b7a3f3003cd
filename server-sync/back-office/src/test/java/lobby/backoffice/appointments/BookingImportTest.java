package lobby.backoffice.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import lobby.checkin.Appointment;
import lobby.checkin.VisitKind;
import org.junit.jupiter.api.Test;

class BookingImportTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private final BookingRules rules = new BookingRules("demo", TODAY, Set.of("adv-chen", "adv-li"));

    @Test
    void aFileWithABomColumnsInItsOwnOrderAndQuotedNamesIsRead() {
        String file = "\uFEFFday,time,plate,customer_name,kind,advisor_id,id\r\n"
                + "2025-03-14,09:00,粤A8K2M6,\"Smith, \"\"Jo\"\"\",保养,adv-chen,B1\r\n"
                + ",,,,,,\r\n"
                + "2025-03-15,10:30,粤B5H7N3,,WARRANTY,,\r\n";
        BookingImport.Outcome out = BookingImport.read(file, rules);

        assertEquals(List.of(), out.problems());
        assertTrue(out.ok());
        assertEquals(2, out.rows(), "a line of commas is blank, not a booking");
        assertEquals(new Appointment("B1", "demo", TODAY, LocalTime.of(9, 0), "粤A8K2M6", "Smith, \"Jo\"",
                VisitKind.MAINTENANCE, "adv-chen"), out.appointments().get(0));
        Appointment fresh = out.appointments().get(1);
        assertTrue(fresh.id().startsWith("20250315-"), fresh.id());
        assertEquals(Set.of(fresh.id()), out.freshIds());
        assertEquals(VisitKind.WARRANTY, fresh.kind());
    }

    @Test
    void everyBadLineIsReportedWithItsLineInTheFile() {
        String file = String.join("\n",
                "id,day,time,plate,customer_name,kind,advisor_id",
                "A1,2025-03-14,09:00,粤A8K2M6,张伟,REPAIR,adv-chen",
                "A2,2025-03-14,09:00,AB123,王芳,REPAIR,adv-chen",
                "\"A3,2025-03-14\",09:00,粤A8K2M6,,REPAIR",
                "A4,2025-03-14,09:00,粤A8K2M6,,REPAIR,",
                "A1,2025-03-13,09:00,粤A8K2M6,,REPAIR,",
                "A1,2025-03-16,09:00,粤A8K2M6,,REPAIR,");
        BookingImport.Outcome out = BookingImport.read(file, rules);

        assertFalse(out.ok());
        assertEquals(List.of(), out.appointments(), "all or nothing");
        assertEquals(List.of(3, 4, 6, 7), out.problems().stream().map(BookingImport.LineProblem::line).toList());
        assertTrue(out.problems().get(0).problem().startsWith("plate \"AB123\" is not a Chinese plate"));
        assertEquals("expected 7 fields as in the header, found 5", out.problems().get(1).problem());
        assertEquals("day 2025-03-13 is in the past (today is 2025-03-14)", out.problems().get(2).problem());
        assertEquals("id A1 is on line 2 too", out.problems().get(3).problem());
    }

    @Test
    void theHeaderMustNameEachColumnOnce() {
        BookingImport.Outcome out = BookingImport.read("id,day,time,plate_no,kind,kind,advisor_id\n"
                + "A1,2025-03-14,09:00,粤A8K2M6,REPAIR,REPAIR,\n", rules);
        assertEquals(1, out.problems().size());
        assertEquals(1, out.problems().get(0).line());
        assertEquals("the header must name the columns id,day,time,plate,customer_name,kind,advisor_id (in any order):"
                + " missing plate, customer_name; unknown \"plate_no\"; twice kind", out.problems().get(0).problem());
        assertEquals(1, BookingImport.read("", rules).problems().size(), "an empty file has no header");
        assertEquals(1, BookingImport.read("\uFEFF\n" + "id,day\n", rules).problems().get(0).line());
    }

    @Test
    void pastTheRowLimitTheFileIsCountedNotChecked() {
        StringBuilder file = new StringBuilder("id,day,time,plate,customer_name,kind,advisor_id\n");
        for (int i = 0; i <= BookingImport.MAX_ROWS; i++) {
            file.append(",2025-03-14,09:00,粤A8K2M6,,REPAIR,\n");
        }
        BookingImport.Outcome out = BookingImport.read(file.toString(), rules);
        assertEquals(BookingImport.MAX_ROWS + 1, out.rows());
        assertFalse(out.ok());
        assertEquals(List.of(), out.appointments());
    }

    @Test
    void madeUpIdsMeetNeitherTheFilesIdsNorEachOther() {
        // Ids as a worst-case random source would make them: the file's own id first, then repeats.
        Iterator<String> made = List.of("X1", "X1", "X2", "X1", "X2", "X3").iterator();
        BookingRules clashing = new BookingRules("demo", TODAY, Set.of(), day -> made.next());
        String file = "id,day,time,plate,customer_name,kind,advisor_id\n"
                + ",2025-03-14,09:00,粤A8K2M6,,REPAIR,\n"
                + ",2025-03-14,09:30,粤A8K2M6,,REPAIR,\n"
                + "X1,2025-03-14,10:00,粤A8K2M6,,REPAIR,\n";
        BookingImport.Outcome out = BookingImport.read(file, clashing);

        assertTrue(out.ok(), out.problems().toString());
        assertEquals(List.of("X2", "X3", "X1"), out.appointments().stream().map(Appointment::id).toList());
        assertEquals(Set.of("X2", "X3"), out.freshIds());
    }
}
