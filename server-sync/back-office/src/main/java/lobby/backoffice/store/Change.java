package lobby.backoffice.store;

import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.sync.QueueEntry;

/**
 * What a committed write changed, for the live views (server-sent events). The store hands these
 * to its listener after the commit and in commit order, so a view never shows a change that a
 * crash could still take back, and never an older state after a newer one.
 */
public sealed interface Change {
    String siteId();

    /** A ticket was issued or moved on: its line in the queue as it now stands. */
    record TicketChanged(String siteId, QueueEntry entry) implements Change {
    }

    /** An advisor's duty changed. */
    record AdvisorChanged(String siteId, Advisor advisor) implements Change {
    }

    /** A customer was called (or called again) to a desk: the board announces it. */
    record TicketCalled(String siteId, String ticketId, String number, int desk, boolean recall) implements Change {
    }

    /**
     * A booking was made or changed (any day): kiosks following the site add it to what their
     * morning snapshot gave them. It carries the customer's name and plate in full, as the
     * snapshot does, so it is not for the lobby display.
     */
    record AppointmentChanged(String siteId, Appointment appointment) implements Change {
    }
}
