package lobby.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import lobby.checkin.Appointment;
import lobby.checkin.VisitKind;
import org.junit.jupiter.api.Test;

class NearPlatesTest {
    @Test
    void oneSubstitutionInsertionOrDeletionIsNear() {
        assertTrue(NearPlates.oneApart("粤B12345", "粤B12346"));
        assertTrue(NearPlates.oneApart("粤B1234", "粤B12345"));
        assertTrue(NearPlates.oneApart("粤B123456", "粤B12345"));
        assertFalse(NearPlates.oneApart("粤B12345", "粤B12345"), "equal is exact, not near");
        assertFalse(NearPlates.oneApart("粤B12345", "粤B12354"), "a swap is two edits");
        assertFalse(NearPlates.oneApart("粤B12345", "京A12345"));
    }

    @Test
    void twoCandidatesAreNoMatchSoNoOneSeesAStrangersBooking() {
        List<Appointment> today = List.of(at("粤B12345"), at("粤B12347"));
        assertTrue(NearPlates.closest("粤B12346", today).isEmpty());
        assertTrue(NearPlates.closest("粤B12355", today).isPresent());
    }

    private static Appointment at(String plate) {
        return new Appointment(plate, "gz", LocalDate.of(2026, 11, 22), LocalTime.NOON, plate, "王", VisitKind.REPAIR, "li");
    }
}
