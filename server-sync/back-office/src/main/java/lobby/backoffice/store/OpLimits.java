package lobby.backoffice.store;

import java.util.Optional;
import lobby.checkin.Ticket;
import lobby.sync.KioskOp;

/**
 * Bounds on what a kiosk op may carry. An op past them is rejected on its own (the kiosk keeps
 * it for a human), not the whole push: one bad op must not block a kiosk's outbox.
 */
final class OpLimits {
    static final int MAX_ID_CHARS = 64;
    /** "U001"; room for a site that numbers past 999 in a day. */
    static final int MAX_NUMBER_CHARS = 16;
    /** The longest plates are 8 characters; room for spaces and a suffix. */
    static final int MAX_PLATE_CHARS = 16;
    static final int MAX_DETAIL_CHARS = 200;
    /** A day: an estimate beyond it is a bug on the kiosk. */
    static final int MAX_WAIT_MINUTES = 24 * 60;

    private OpLimits() {
    }

    static Optional<String> problem(KioskOp op) {
        Optional<String> p = tooLong("opId", op.opId(), MAX_ID_CHARS)
                .or(() -> tooLong("kioskId", op.kioskId(), MAX_ID_CHARS))
                .or(() -> tooLong("ticketId", op.ticketId(), MAX_ID_CHARS))
                .or(() -> tooLong("detail", op.detail(), MAX_DETAIL_CHARS))
                .or(() -> tooLong("hlc", op.hlc(), MAX_ID_CHARS));
        if (p.isPresent() || op.ticket() == null) {
            return p.map(why -> "op " + abbreviate(op.opId()) + ": " + why);
        }
        Ticket t = op.ticket();
        p = tooLong("ticket.id", t.id(), MAX_ID_CHARS)
                .or(() -> tooLong("ticket.siteId", t.siteId(), MAX_ID_CHARS))
                .or(() -> tooLong("ticket.kioskId", t.kioskId(), MAX_ID_CHARS))
                .or(() -> tooLong("ticket.number", t.number(), MAX_NUMBER_CHARS))
                .or(() -> tooLong("ticket.advisorId", t.advisorId(), MAX_ID_CHARS))
                .or(() -> tooLong("ticket.appointmentId", t.appointmentId(), MAX_ID_CHARS))
                .or(() -> tooLong("ticket.plate", t.plate(), MAX_PLATE_CHARS));
        if (p.isEmpty() && (t.estimatedWaitMinutes() < 0 || t.estimatedWaitMinutes() > MAX_WAIT_MINUTES)) {
            p = Optional.of("ticket.estimatedWaitMinutes must be 0-" + MAX_WAIT_MINUTES + ", was "
                    + t.estimatedWaitMinutes());
        }
        return p.map(why -> "op " + abbreviate(op.opId()) + ": " + why);
    }

    private static Optional<String> tooLong(String field, String value, int max) {
        return value != null && value.length() > max
                ? Optional.of(field + " is " + value.length() + " characters long; at most " + max)
                : Optional.empty();
    }

    /** An id as quoted in a message: at most {@link #MAX_ID_CHARS} of it. */
    static String abbreviate(String s) {
        return s.length() > MAX_ID_CHARS ? s.substring(0, MAX_ID_CHARS) + "…" : s;
    }
}
