package lobby.kiosk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.queue.AdvisorChoice;
import lobby.queue.WaitEstimate;
import lobby.sync.KioskOp;
import lobby.sync.NumberLease;

/**
 * The kiosk's queue. {@link #checkIn} is the heart of the kiosk: number, advisor, ticket and
 * outbox entry in one transaction, so a number is never handed out that the store does not hold.
 */
public final class QueueStore {
    /**
     * Tickets older than this no longer count as waiting for the wait estimate. Until the
     * back office streams advisors' progress to the kiosk, this stands in for "served".
     */
    static final Duration STILL_WAITING = Duration.ofMinutes(90);

    private final KioskStore db;

    QueueStore(KioskStore db) {
        this.db = db;
    }

    /**
     * A customer about to get a ticket.
     *
     * @param appointment   the booking, or null for a walk-in
     * @param queueAsWalkIn a booking honoured as a walk-in (the customer came too late): the
     *                      ticket is linked to it but queues in the walk-in series, by turn
     */
    public record NewCheckIn(String siteId, String kioskId, LocalDate day, Instant now, VisitKind kind,
                             Appointment appointment, String plate, boolean waitInLounge, boolean queueAsWalkIn) {
        public static NewCheckIn walkIn(String siteId, String kioskId, LocalDate day, Instant now, VisitKind kind,
                                        String plate, boolean waitInLounge) {
            return new NewCheckIn(siteId, kioskId, day, now, kind, null, plate, waitInLounge, false);
        }
    }

    /** What the store did: a new ticket, or the ticket this appointment already has. */
    public record Issued(Ticket ticket, Optional<Advisor> advisor, boolean existing) {
    }

    public Issued checkIn(NewCheckIn in) {
        return db.inTransaction("check-in", c -> {
            if (in.appointment() != null) {
                Optional<Ticket> existing = ticketWhere(c, "appointment_id = ?", in.appointment().id());
                if (existing.isPresent()) {
                    String adv = existing.get().advisorId();
                    return new Issued(existing.get(), RosterStore.advisors(c).stream()
                            .filter(a -> a.id().equals(adv)).findFirst(), true);
                }
            }
            List<Advisor> roster = RosterStore.advisors(c);
            boolean booking = in.appointment() != null && !in.queueAsWalkIn();
            String booked = booking ? in.appointment().advisorId() : RosterStore.regularAdvisor(c, in.plate());
            String lastTurn = KioskStore.query(c, "SELECT value FROM meta WHERE key = 'turn.last'",
                    rs -> rs.next() ? rs.getString(1) : null);
            Optional<Advisor> advisor = AdvisorChoice.choose(booked, roster, lastTurn);
            boolean tookTurn = advisor.isPresent() && !advisor.get().id().equals(booked);
            if (tookTurn) {
                KioskStore.putMeta(c, "turn.last", advisor.get().id());
            }
            String advisorId = advisor.map(Advisor::id).orElse(null);
            char series = Ticket.series(in.kind(), booking);
            // Urgent customers go first: only other urgent ones are ahead of them.
            int ahead = KioskStore.query(c, "SELECT COUNT(*) FROM tickets WHERE day = ? AND advisor_id IS ? "
                    + "AND status = 'WAITING' AND issued_at > ?" + (in.kind().urgent() ? " AND kind = 'BREAKDOWN'" : ""),
                    rs -> rs.getInt(1), in.day(), advisorId, in.now().minus(STILL_WAITING));
            Duration reception = Duration.ofMinutes(KioskStore.query(c,
                    "SELECT value FROM meta WHERE key = 'site.reception-minutes'", rs -> rs.next()
                            ? Integer.parseInt(rs.getString(1)) : (int) WaitEstimate.DEFAULT_RECEPTION_TIME.toMinutes()));
            String number = nextNumber(c, in.day(), series);
            Ticket ticket = new Ticket(UUID.randomUUID().toString(), in.siteId(), in.kioskId(), in.day(),
                    number, in.kind(), advisorId,
                    in.appointment() == null ? null : in.appointment().id(), in.plate(), in.waitInLounge(),
                    in.now(), WaitEstimate.minutes(ahead, reception));
            KioskStore.update(c, "INSERT INTO tickets(id, site_id, kiosk_id, day, number, kind, advisor_id,"
                            + " appointment_id, plate, lounge, issued_at, est_wait_min) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    ticket.id(), ticket.siteId(), ticket.kioskId(), ticket.day(), ticket.number(), ticket.kind(),
                    ticket.advisorId(), ticket.appointmentId(), ticket.plate(), ticket.waitInLounge(),
                    ticket.issuedAt(), ticket.estimatedWaitMinutes());
            long seq = OutboxStore.nextSeq(c);
            OpStamps stamps = db.stamps();
            boolean synced = stamps.synced();
            KioskStore.update(c, "UPDATE tickets SET clock_synced = ? WHERE id = ?", synced, ticket.id());
            OutboxStore.append(c, KioskOp.checkIn(UUID.randomUUID().toString(), in.kioskId(), seq, ticket,
                    stamps.next(c), synced), in.now());
            return new Issued(ticket, advisor, false);
        });
    }

    /**
     * Records whether the ticket came out of the printer (for a reprint). A failure also goes to
     * the back office, in the same transaction, so staff look after the customer.
     */
    public void recordPrint(Ticket ticket, boolean printed, String detail, Instant at) {
        db.inTransaction("recording the print of " + ticket.number(), c -> {
            KioskStore.update(c, "UPDATE tickets SET printed = ?, print_detail = ? WHERE id = ?", printed, detail,
                    ticket.id());
            if (!printed) {
                OutboxStore.appendEvent(c, db.stamps(), ticket.kioskId(), KioskOp.Type.PRINT_FAILED, ticket.id(),
                        detail, at);
            }
            return null;
        });
    }

    /**
     * What the back office says became of a ticket; the advisor too, after a transfer. Status
     * only moves forward on the back office, which is the authority; unknown tickets (another
     * kiosk's) are ignored.
     */
    /** Statuses in the order a ticket moves through them; the three ends share the last rank. */
    static int rank(String status) {
        return switch (status) {
            case "WAITING" -> 0;
            case "CALLED" -> 1;
            case "SERVING" -> 2;
            default -> 3; // DONE, NO_SHOW, CANCELLED
        };
    }

    /** A ticket of this kiosk as it stands after the server's word, and the advisor it had before. */
    public record Followed(String status, String advisorId, String previousAdvisorId) {
        public boolean advisorChanged() {
            return !Objects.equals(advisorId, previousAdvisorId);
        }
    }

    /**
     * Takes the server's word on a ticket of this kiosk: its advisor (the server may have
     * changed the one the kiosk proposed), and its status, which only moves forward: an older
     * event arriving late never takes a called customer back to waiting.
     *
     * @param status null: the status stays
     * @return empty for a ticket this kiosk did not issue
     */
    public Optional<Followed> follow(String ticketId, String status, String advisorId) {
        return db.inTransaction("following ticket " + ticketId, c -> {
            String[] now = KioskStore.query(c, "SELECT status, advisor_id FROM tickets WHERE id = ?",
                    rs -> rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null, ticketId);
            if (now == null) {
                return Optional.<Followed>empty();
            }
            String next = status != null && rank(status) > rank(now[0]) ? status : now[0];
            KioskStore.update(c, "UPDATE tickets SET status = ?, advisor_id = ? WHERE id = ?", next, advisorId,
                    ticketId);
            return Optional.of(new Followed(next, advisorId, now[1]));
        });
    }

    /** True, and counted, if this ticket may be printed again: once per ticket. */
    public boolean allowReprint(String ticketId) {
        return db.inTransaction("reprint of " + ticketId, c -> KioskStore.update(c,
                "UPDATE tickets SET reprints = reprints + 1 WHERE id = ? AND reprints = 0", ticketId) == 1);
    }

    public boolean reprinted(String ticketId) {
        return db.query("SELECT reprints FROM tickets WHERE id = ?", rs -> rs.next() && rs.getInt(1) > 0, ticketId);
    }

    public Optional<Ticket> ticketForAppointment(String appointmentId) {
        return db.inTransaction("reading the ticket of appointment " + appointmentId,
                c -> ticketWhere(c, "appointment_id = ?", appointmentId));
    }

    /** What the back office last said became of the ticket (WAITING until it says otherwise). */
    public Optional<String> status(String ticketId) {
        return db.query("SELECT status FROM tickets WHERE id = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), ticketId);
    }

    public Optional<Ticket> ticket(String id) {
        return db.inTransaction("reading ticket " + id, c -> ticketWhere(c, "id = ?", id));
    }

    public List<Ticket> tickets(LocalDate day) {
        return db.query(SELECT_TICKET + " WHERE day = ? ORDER BY issued_at, number", QueueStore::tickets, day);
    }

    /** Tickets of the day whose print failed and that were never printed since: for staff. */
    public List<Ticket> unprinted(LocalDate day) {
        return db.query(SELECT_TICKET + " WHERE day = ? AND printed = 0 ORDER BY issued_at", QueueStore::tickets, day);
    }

    public boolean printed(String ticketId) {
        return db.query("SELECT printed FROM tickets WHERE id = ?", rs -> rs.next() && rs.getInt(1) == 1, ticketId);
    }

    /**
     * The next ticket number: from the blocks the back office leased to this kiosk, so numbers
     * stay unique across the site's kiosks offline too; when they run out (a long time
     * offline), from the kiosk's own marked series (series letter, the kiosk's mark, two digits:
     * {@code BK07}), which no other kiosk of the site uses. A number is never given out twice,
     * even when its ticket fails to print: the counters move in the check-in's transaction.
     */
    private static String nextNumber(Connection c, LocalDate day, char series) throws SQLException {
        Integer first = KioskStore.query(c, "SELECT first FROM leases WHERE day = ? AND series = ? AND next <= last"
                + " ORDER BY first LIMIT 1", rs -> rs.next() ? rs.getInt(1) : null, day, String.valueOf(series));
        if (first != null) {
            int n = KioskStore.query(c, "SELECT next FROM leases WHERE day = ? AND series = ? AND first = ?",
                    rs -> rs.getInt(1), day, String.valueOf(series), first);
            KioskStore.update(c, "UPDATE leases SET next = next + 1 WHERE day = ? AND series = ? AND first = ?", day,
                    String.valueOf(series), first);
            return Ticket.number(series, n);
        }
        String own = series + "*"; // the fallback series' counter
        KioskStore.update(c, "INSERT INTO counters(day, series, last) VALUES (?, ?, 1) "
                + "ON CONFLICT(day, series) DO UPDATE SET last = last + 1", day, own);
        int n = KioskStore.query(c, "SELECT last FROM counters WHERE day = ? AND series = ?", rs -> rs.getInt(1), day,
                own);
        String mark = KioskStore.query(c, "SELECT value FROM meta WHERE key = '" + MARK + "'",
                rs -> rs.next() ? rs.getString(1) : UNKNOWN_MARK);
        return series + mark + String.format("%02d", n);
    }

    /** Where the back office's mark for this kiosk is kept. */
    static final String MARK = "kiosk.mark";
    /** The mark of a kiosk that has never been granted one (it never reached the back office). */
    static final String UNKNOWN_MARK = "Z";

    /** Numbers still free in the leased blocks of a series for a day. */
    public int leasedNumbersLeft(LocalDate day, char series) {
        return db.query("SELECT COALESCE(SUM(last - next + 1), 0) FROM leases WHERE day = ? AND series = ?"
                + " AND next <= last", rs -> rs.getInt(1), day, String.valueOf(series));
    }

    /** Keeps the blocks (and the mark) the back office granted; a block already held is not taken twice. */
    public void addLeases(NumberLease.Grant grant) {
        db.inTransaction("keeping " + grant.leases().size() + " leased number blocks", c -> {
            for (NumberLease l : grant.leases()) {
                KioskStore.update(c, "INSERT INTO leases(day, series, first, last, next) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT(day, series, first) DO NOTHING", l.day(), l.series(), l.first(), l.last(),
                        l.first());
            }
            if (grant.mark() != null && grant.mark().matches("[A-Z]")) {
                KioskStore.putMeta(c, MARK, grant.mark());
            }
            return null;
        });
    }

    private static final String SELECT_TICKET = "SELECT id, site_id, kiosk_id, day, number, kind, advisor_id,"
            + " appointment_id, plate, lounge, issued_at, est_wait_min FROM tickets";

    private static Optional<Ticket> ticketWhere(Connection c, String where, Object arg) throws SQLException {
        return KioskStore.query(c, SELECT_TICKET + " WHERE " + where,
                rs -> rs.next() ? Optional.of(ticket(rs)) : Optional.<Ticket>empty(), arg);
    }

    private static List<Ticket> tickets(ResultSet rs) throws SQLException {
        List<Ticket> list = new java.util.ArrayList<>();
        while (rs.next()) {
            list.add(ticket(rs));
        }
        return list;
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getString(1), rs.getString(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
                rs.getString(5), VisitKind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getInt(10) == 1, Instant.parse(rs.getString(11)), rs.getInt(12));
    }
}
