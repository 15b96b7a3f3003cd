package lobby.sync;

import java.time.Instant;
import java.util.Objects;
import lobby.checkin.Ticket;

/**
 * One kiosk action travelling to the back office. The op id is created once, in the same local
 * transaction as the action, before any attempt to send it; seq numbers a kiosk's operations
 * without gaps.
 *
 * @param ticket   the ticket issued, for {@link Type#CHECK_IN}; null otherwise
 * @param ticketId the ticket concerned, for the other types (null for lamp events)
 * @param detail   what happened, e.g. "paper out", or the desk for lamp events
 * @param at       when it happened on the kiosk's clock
 */
public record KioskOp(String opId, String kioskId, long seq, Type type, Ticket ticket, String ticketId,
                      String detail, Instant at) {
    public enum Type {
        /** A customer checked in: the ticket as issued. */
        CHECK_IN,
        /** The ticket could not be printed: staff should look after the customer (and the printer). */
        PRINT_FAILED,
        /** The advisor pressed the desk's button: detail is the desk. */
        LAMP_ACKNOWLEDGED,
        /** Nobody acknowledged the desk's lamp in time: detail is the desk. */
        LAMP_ESCALATED
    }

    public KioskOp {
        Objects.requireNonNull(opId, "opId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(type, "type");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
        if (type == Type.CHECK_IN && ticket == null) {
            throw new IllegalArgumentException("a check-in op carries its ticket");
        }
    }

    public static KioskOp checkIn(String opId, String kioskId, long seq, Ticket ticket) {
        return new KioskOp(opId, kioskId, seq, Type.CHECK_IN, ticket, ticket.id(), null, ticket.issuedAt());
    }

    public static KioskOp event(String opId, String kioskId, long seq, Type type, String ticketId, String detail,
                                Instant at) {
        return new KioskOp(opId, kioskId, seq, type, null, ticketId, detail, at);
    }
}
