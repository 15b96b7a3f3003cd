package lobby.backoffice.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lobby.checkin.Advisor;
import lobby.queue.WaitEstimate;
import lobby.sync.QueueEntry;

/**
 * What the lobby and the customer may see: the board (numbers, desks, the wait) and one
 * ticket's progress. Masked plates and advisor names only; never a customer's name.
 */
public final class LobbyView {
    /** The board shows the latest calls only: a TV has room for about five lines. */
    public static final int BOARD_CALLS = 5;

    /** A ticket being called: its number and the desk to go to. */
    public record Calling(String number, int desk, Instant calledAt, String ticketId) {
    }

    public record Board(List<Calling> calling, int waiting, int estimatedWaitMinutes) {
    }

    /**
     * One ticket as its customer sees it.
     *
     * @param position customers ahead at the same advisor (0 once called)
     * @param desk     the desk to go to while the ticket is called, else null
     */
    public record Progress(String number, String status, int position, int estimatedWaitMinutes, Integer desk,
                           String maskedPlate, String advisorName) {
    }

    private final Database db;
    private final SiteStore sites;
    private final TicketStore tickets;
    private final BoardStore board;
    private final Clock clock;

    LobbyView(Database db, SiteStore sites, TicketStore tickets, BoardStore board, Clock clock) {
        this.db = db;
        this.sites = sites;
        this.tickets = tickets;
        this.board = board;
        this.clock = clock;
    }

    /**
     * @return empty for an unknown site. The wait is for someone arriving now: the waiting
     * customers shared among the advisors on duty, times the recent reception time.
     */
    public Optional<Board> board(String site, LocalDate day) {
        return db.read("reading the board of site " + site, c -> {
            if (sites.site(c, site).isEmpty()) {
                return Optional.<Board>empty();
            }
            int waiting = board.waiting(c, site, day);
            long onDuty = Math.max(1, sites.advisors(c, site).stream().filter(Advisor::onDuty).count());
            int ahead = (int) Math.ceil(waiting / (double) onDuty);
            Duration reception = reception(tickets.recentReceptionMinutes(c, site, clock.instant()));
            return Optional.of(new Board(board.calling(c, site, day, BOARD_CALLS), waiting,
                    WaitEstimate.minutes(ahead, reception)));
        });
    }

    /** @return empty for an unknown ticket */
    public Optional<Progress> progress(String ticketId) {
        return db.read("reading the progress of ticket " + ticketId, c -> {
            Optional<TicketStore.Row> row = tickets.row(c, ticketId);
            Optional<QueueEntry> entry = tickets.entry(c, ticketId);
            if (row.isEmpty() || entry.isEmpty()) {
                return Optional.<Progress>empty();
            }
            TicketStore.Row t = row.get();
            int position = 0;
            if (t.status() == TicketRules.Status.WAITING) {
                position = Math.max(0, tickets.waiting(c, t.site(), t.day(), t.advisorId(), false).indexOf(t.id()));
            }
            Duration reception = reception(tickets.recentReceptionMinutes(c, t.site(), clock.instant()));
            QueueEntry e = entry.get();
            Integer desk = t.status() == TicketRules.Status.CALLED && e.desk() > 0 ? e.desk() : null;
            return Optional.of(new Progress(e.number(), e.status(), position, WaitEstimate.minutes(position, reception),
                    desk, e.maskedPlate(), e.advisorName()));
        });
    }

    private static Duration reception(int recentMinutes) {
        return recentMinutes > 0 ? Duration.ofMinutes(recentMinutes) : WaitEstimate.DEFAULT_RECEPTION_TIME;
    }
}
