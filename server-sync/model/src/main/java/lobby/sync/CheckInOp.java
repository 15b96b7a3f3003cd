package lobby.sync;

import java.util.Objects;
import lobby.checkin.Ticket;

/**
 * One kiosk action travelling to the back office. The op id is created once, with the
 * check-in, before any attempt to send it; seq numbers a kiosk's operations without gaps.
 */
public record CheckInOp(String opId, String kioskId, long seq, Ticket ticket) {
    public CheckInOp {
        Objects.requireNonNull(opId, "opId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(ticket, "ticket");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
    }
}
