package lobby.checkin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** A booking held by the back office; the kiosk keeps today's in its local store. */
public record Appointment(String id, String siteId, LocalDate day, LocalTime time, String plate,
                          String customerName, VisitKind kind, String advisorId) {
    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(kind, "kind");
    }

    /** "张*" / "欧阳**": the family name only, as the lobby may read it. */
    public String maskedName() {
        return Masking.name(customerName);
    }
}
