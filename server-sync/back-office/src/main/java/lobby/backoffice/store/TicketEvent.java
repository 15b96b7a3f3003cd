package lobby.backoffice.store;

import java.time.Instant;

/**
 * One step in a ticket's life, with its time.
 *
 * @param advisorId     who owns the ticket after this step
 * @param fromAdvisorId the previous owner, for {@link Type#TRANSFERRED} only
 * @param toAdvisorId   the new owner, for {@link Type#TRANSFERRED} only
 * @param actor         the user who acted, the kiosk that reported it, or "server" for what the
 *                      back office decided itself (a check-in moved off an advisor not on duty)
 * @param detail        what a kiosk said (a print failure, the desk of a lamp), else null
 */
public record TicketEvent(String ticketId, Type type, Instant at, String advisorId, String fromAdvisorId,
                          String toAdvisorId, String actor, String detail) {
    public enum Type {
        /** Checked in at a kiosk (the kiosk's time). */
        ISSUED,
        /** The assigned advisor's desk lamp was lit at check-in. */
        LAMP_LIT,
        ACKNOWLEDGED, CALLED, RECALLED, TRANSFERRED, STARTED, DONE, NO_SHOW, CANCELLED,
        /** The kiosk could not print the ticket. */
        PRINT_FAILED,
        /** Nobody acknowledged the lamp in time; the kiosk made it louder. */
        LAMP_ESCALATED
    }

    static TicketEvent of(String ticketId, Type type, Instant at, String advisorId, String actor) {
        return new TicketEvent(ticketId, type, at, advisorId, null, null, actor, null);
    }
}
