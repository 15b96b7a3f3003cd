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
 * @param at       when it happened: the kiosk's clock corrected by its offset from the
 *                 server's, as last measured (the kiosk's own clock when never measured)
 * @param hlc      the kiosk's hybrid logical clock stamp ({@link HybridClock.Stamp} text): orders a
 *                 kiosk's ops even when its wall clock is stuck or goes backwards; null from
 *                 kiosks older than the stamp
 * @param clockSynced false when the kiosk had not measured its offset from the server's clock
 *                 since it started (a Pi has no real-time clock): {@code at} may then be far off
 */
public record KioskOp(String opId, String kioskId, long seq, Type type, Ticket ticket, String ticketId,
                      String detail, Instant at, String hlc, boolean clockSynced) {
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

    /** Without a clock stamp, as from a kiosk with a synchronised clock (tests, older kiosks). */
    public KioskOp(String opId, String kioskId, long seq, Type type, Ticket ticket, String ticketId, String detail,
                   Instant at) {
        this(opId, kioskId, seq, type, ticket, ticketId, detail, at, null, true);
    }

    public static KioskOp checkIn(String opId, String kioskId, long seq, Ticket ticket) {
        return new KioskOp(opId, kioskId, seq, Type.CHECK_IN, ticket, ticket.id(), null, ticket.issuedAt());
    }

    public static KioskOp checkIn(String opId, String kioskId, long seq, Ticket ticket, HybridClock.Stamp hlc,
                                  boolean clockSynced) {
        return new KioskOp(opId, kioskId, seq, Type.CHECK_IN, ticket, ticket.id(), null, ticket.issuedAt(),
                hlc.toString(), clockSynced);
    }

    public static KioskOp event(String opId, String kioskId, long seq, Type type, String ticketId, String detail,
                                Instant at) {
        return new KioskOp(opId, kioskId, seq, type, null, ticketId, detail, at);
    }

    public static KioskOp event(String opId, String kioskId, long seq, Type type, String ticketId, String detail,
                                Instant at, HybridClock.Stamp hlc, boolean clockSynced) {
        return new KioskOp(opId, kioskId, seq, type, null, ticketId, detail, at, hlc.toString(), clockSynced);
    }
}
