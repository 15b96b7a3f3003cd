package lobby.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A queue ticket as issued by a kiosk. The id is created once, with the check-in, and is what
 * the back office de-duplicates on; the number is what the customer reads.
 *
 * @param advisorId     null when nobody was on the roster to assign: the next free advisor takes it
 * @param appointmentId null for a walk-in
 * @param plate         null when the customer gave none
 * @param estimatedWaitMinutes the estimate printed on the ticket
 */
public record Ticket(String id, String siteId, String kioskId, LocalDate day, String number,
                     VisitKind kind, String advisorId, String appointmentId, String plate,
                     boolean waitInLounge, Instant issuedAt, int estimatedWaitMinutes) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean walkIn() {
        return appointmentId == null;
    }

    /** Appointments are series A, walk-ins B, urgent breakdowns U. */
    public static char series(VisitKind kind, boolean appointment) {
        if (kind.urgent()) {
            return 'U';
        }
        return appointment ? 'A' : 'B';
    }

    public static String number(char series, int sequence) {
        return series + String.format("%03d", sequence);
    }
}
