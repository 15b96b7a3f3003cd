package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lobby.checkin.Advisor;
import lobby.checkin.Masking;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.sync.QueueEntry;

/** Tickets as kiosks issued them, and the site queue built from them. Runs inside the caller's transaction. */
final class TicketStore {
    /** Status of a ticket nobody has called yet; the advisor console will move it on. */
    static final String WAITING = "WAITING";
    /** Urgent visits first (breakdowns, tow-ins), then in the order customers arrived. */
    private static final String CALL_ORDER = " ORDER BY CASE WHEN kind IN (" + urgentKinds()
            + ") THEN 0 ELSE 1 END, issued_at, COALESCE(hlc, ''), id";

    private static String urgentKinds() {
        return Arrays.stream(VisitKind.values()).filter(VisitKind::urgent)
                .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
    }

    private final TicketEventStore events;

    TicketStore(TicketEventStore events) {
        this.events = events;
    }

    boolean exists(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tickets WHERE id = ?")) {
            ps.setString(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Stores a ticket as its check-in brought it, with the advisor the server settled on (see
     * PushRules) and the clocks: the kiosk's hybrid stamp and whether its wall clock was
     * synchronised, and the server's time of arrival.
     *
     * <p>It may be held back ({@link HeldWrites}): a ticket whose id is taken then fails the
     * transaction when sent, and it runs again with this insert answering for itself.
     *
     * @param hlc null from kiosks older than the stamp
     * @return false, storing nothing, when a ticket with that id exists already
     */
    boolean insert(Connection c, Ticket t, String hlc, boolean clockSynced, Instant receivedAt) throws SQLException {
        try (PreparedStatement ps = HeldWrites.later(c, """
                INSERT INTO tickets (id, site, kiosk, day, number, kind, advisor_id, appointment_id, plate,
                                     lounge, issued_at, est_wait, status, hlc, clock_synced, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """, true)) {
            ps.setString(1, t.id());
            ps.setString(2, t.siteId());
            ps.setString(3, t.kioskId());
            ps.setString(4, t.day().toString());
            ps.setString(5, t.number());
            ps.setString(6, t.kind().name());
            ps.setString(7, t.advisorId());
            ps.setString(8, t.appointmentId());
            ps.setString(9, t.plate());
            ps.setInt(10, t.waitInLounge() ? 1 : 0);
            ps.setString(11, SortableInstant.format(t.issuedAt()));
            ps.setInt(12, t.estimatedWaitMinutes());
            ps.setString(13, WAITING);
            ps.setString(14, hlc);
            ps.setInt(15, clockSynced ? 1 : 0);
            ps.setString(16, SortableInstant.format(receivedAt));
            return ps.executeUpdate() == 1;
        }
    }

    /** A queue line: the ticket with its advisor's name and desk, the plate masked. */
    private static final String ENTRY_SELECT = """
            SELECT t.id, t.number, t.kind, t.advisor_id, a.name, a.desk, t.plate, t.status, t.issued_at, t.kiosk,
                   t.print_problem,
                   EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'ACKNOWLEDGED')
            FROM tickets t LEFT JOIN advisors a ON a.site = t.site AND a.id = t.advisor_id
            """;

    /**
     * The day's tickets in the order they were issued: by issue time (the arrival here for a kiosk
     * whose clock was not synchronised), then by the kiosks' clock stamps (which keep one kiosk's
     * tickets in order when they arrived together), then by id, the same way on either database.
     * An advisor missing from the roster, or none assigned, gives a null name and desk 0 rather
     * than hiding the ticket.
     */
    List<QueueEntry> queue(Connection c, String site, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                ENTRY_SELECT + "WHERE t.site = ? AND t.day = ? ORDER BY t.issued_at, COALESCE(t.hlc, ''), t.id")) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            return entries(ps);
        }
    }

    Optional<QueueEntry> entry(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENTRY_SELECT + "WHERE t.id = ?")) {
            ps.setString(1, ticketId);
            return entries(ps).stream().findFirst();
        }
    }

    /**
     * The queue line of a ticket just inserted, as {@link #entry} would read it back, without
     * the query: a check-in builds it inside the write lock.
     */
    static QueueEntry newEntry(Ticket t, Optional<Advisor> advisor) {
        return new QueueEntry(t.id(), t.number(), t.kind().name(), t.advisorId(), advisor.map(Advisor::name).orElse(null),
                advisor.map(Advisor::desk).orElse(0), Masking.plate(t.plate()), WAITING, t.issuedAt(), t.kioskId(), null,
                false);
    }

    private static List<QueueEntry> entries(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<QueueEntry> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new QueueEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), Masking.plate(rs.getString(7)), rs.getString(8),
                        SortableInstant.parse(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getBoolean(12)));
            }
            return out;
        }
    }

    /** What the ticket rules need to know about a ticket. */
    record Row(String id, String site, LocalDate day, String number, String kind, String advisorId,
               TicketRules.Status status) {
    }

    Optional<Row> row(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, site, day, number, kind, advisor_id, status FROM tickets WHERE id = ?")) {
            ps.setString(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Row(rs.getString(1), rs.getString(2), LocalDate.parse(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getString(6),
                                TicketRules.Status.valueOf(rs.getString(7))))
                        : Optional.empty();
            }
        }
    }

    /** Status and owner after an action; {@code calledAt} non-null records a (re)call for the board. */
    void update(Connection c, String ticketId, TicketRules.Status status, String advisorId, Instant calledAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tickets SET status = ?, advisor_id = ?, last_called_at = COALESCE(?, last_called_at) WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, advisorId);
            ps.setString(3, calledAt == null ? null : SortableInstant.format(calledAt));
            ps.setString(4, ticketId);
            ps.executeUpdate();
        }
    }

    /**
     * Waiting tickets in call order: those of one advisor (null: nobody's), or with
     * {@code orUnowned} also nobody's, which the advisor may take as first contact.
     */
    List<String> waiting(Connection c, String site, LocalDate day, String advisorId, boolean orUnowned)
            throws SQLException {
        String owner = advisorId == null ? "advisor_id IS NULL"
                : orUnowned ? "(advisor_id = ? OR advisor_id IS NULL)" : "advisor_id = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tickets WHERE site = ? AND day = ? AND status = '"
                + TicketRules.Status.WAITING + "' AND " + owner + CALL_ORDER)) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            if (advisorId != null) {
                ps.setString(3, advisorId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /**
     * Tickets whose lamp is lit at an advisor's desk: theirs, issued on {@code day} by
     * {@code until}, still waiting or called, and not yet acknowledged. A desk has one lamp, so
     * one press answers all; a ticket forgotten from an earlier day is not answered by it.
     */
    List<String> unacknowledged(Connection c, String site, LocalDate day, String advisorId, Instant until)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.id FROM tickets t WHERE t.site = ? AND t.day = ? AND t.advisor_id = ?
                AND t.status IN ('WAITING', 'CALLED')
                AND t.issued_at <= ? AND NOT EXISTS
                    (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'ACKNOWLEDGED')
                ORDER BY t.issued_at, COALESCE(t.hlc, ''), t.id
                """)) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            ps.setString(3, advisorId);
            ps.setString(4, SortableInstant.format(until));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** How far back the average reception time looks: a week covers every weekday's mix of visits. */
    static final Duration RECEPTION_WINDOW = Duration.ofDays(7);

    /**
     * The site's average reception (service) time, STARTED to DONE, over tickets done in the
     * last {@link #RECEPTION_WINDOW}, in whole minutes and at least 1; 0 while there are no
     * figures, and the snapshot then carries the model's default.
     */
    int recentReceptionMinutes(Connection c, String site, Instant now) throws SQLException {
        List<Duration> times = events.serviceTimesSince(c, site, now.minus(RECEPTION_WINDOW));
        if (times.isEmpty()) {
            return 0;
        }
        double seconds = times.stream().mapToLong(Duration::toSeconds).average().orElse(0);
        return (int) Math.max(1, Math.round(seconds / 60));
    }

    Optional<String> siteOf(Connection c, String ticketId) throws SQLException {
        return oneString(c, "SELECT site FROM tickets WHERE id = ?", ticketId);
    }

    private static Optional<String> oneString(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
