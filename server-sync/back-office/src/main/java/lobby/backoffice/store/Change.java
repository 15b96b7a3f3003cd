package lobby.backoffice.store;

import lobby.checkin.Advisor;
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
}
