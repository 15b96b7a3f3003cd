package lobby.backoffice.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One visit as the statistics see it: when the ticket was issued and when it first reached
 * each step, null for a step it never reached.
 *
 * @param advisorId the ticket's owner now (after any transfer), null if nobody ever took it
 * @param status    where the ticket ended up (or stands): WAITING ... DONE, NO_SHOW, CANCELLED
 */
public record TicketTimeline(String ticketId, LocalDate day, String kind, String advisorId, String advisorName,
                             String status, Instant issued, Instant acknowledged, Instant called, Instant started,
                             Instant done) {

    static final class Builder {
        private final String ticketId;
        private final LocalDate day;
        private final String kind;
        private final String advisorId;
        private final String advisorName;
        private final String status;
        /** The ticket's issued_at, until its ISSUED event (timed by the server for an unsynchronised kiosk) says otherwise. */
        private Instant issued;
        private Instant acknowledged;
        private Instant called;
        private Instant started;
        private Instant done;

        Builder(String ticketId, LocalDate day, String kind, String advisorId, String advisorName, String status,
                Instant issued) {
            this.ticketId = ticketId;
            this.day = day;
            this.kind = kind;
            this.advisorId = advisorId;
            this.advisorName = advisorName;
            this.status = status;
            this.issued = issued;
        }

        void at(String eventType, Instant at) {
            switch (eventType) {
                case "ISSUED" -> issued = at;
                case "ACKNOWLEDGED" -> acknowledged = at;
                case "CALLED" -> called = at;
                case "STARTED" -> started = at;
                case "DONE" -> done = at;
                default -> throw new IllegalArgumentException("not a timeline step: " + eventType);
            }
        }

        TicketTimeline build() {
            return new TicketTimeline(ticketId, day, kind, advisorId, advisorName, status, issued, acknowledged,
                    called, started, done);
        }
    }
}
