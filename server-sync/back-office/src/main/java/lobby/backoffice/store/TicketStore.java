package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lobby.checkin.Masking;
import lobby.checkin.Ticket;
import lobby.sync.QueueEntry;

/** Tickets as kiosks issued them, and the site queue built from them. Runs inside the caller's transaction. */
final class TicketStore {
    /** Status of a ticket nobody has called yet; the advisor console will move it on. */
    static final String WAITING = "WAITING";
    /**
     * Fixed width (always nine fraction digits) so that text order is time order; Instant's own
     * toString drops zero fractions and "08:00:00Z" would sort after "08:00:00.5Z".
     */
    static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    boolean exists(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tickets WHERE id = ?")) {
            ps.setString(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void insert(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tickets (id, site, kiosk, day, number, kind, advisor_id, appointment_id, plate,
                                     lounge, issued_at, est_wait, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
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
            ps.setString(11, SORTABLE_INSTANT.format(t.issuedAt()));
            ps.setInt(12, t.estimatedWaitMinutes());
            ps.setString(13, WAITING);
            ps.executeUpdate();
        }
    }

    /**
     * The day's tickets in the order kiosks issued them (rowid breaks ties between kiosks whose
     * clocks agree to the nanosecond). An advisor missing from the roster, or none assigned,
     * gives a null name and desk 0 rather than hiding the ticket.
     */
    List<QueueEntry> queue(Connection c, String site, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.id, t.number, t.kind, t.advisor_id, a.name, a.desk, t.plate, t.status, t.issued_at, t.kiosk,
                       t.print_problem
                FROM tickets t LEFT JOIN advisors a ON a.site = t.site AND a.id = t.advisor_id
                WHERE t.site = ? AND t.day = ?
                ORDER BY t.issued_at, t.rowid
                """)) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                List<QueueEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new QueueEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), Masking.plate(rs.getString(7)), rs.getString(8),
                            Instant.parse(rs.getString(9)), rs.getString(10), rs.getString(11)));
                }
                return out;
            }
        }
    }

    /**
     * The site's recent average reception time in minutes, or 0 while there are no figures:
     * the snapshot then carries the model's default. Reception times come from the advisors'
     * start and done events, which the advisor console records.
     */
    int recentReceptionMinutes(Connection c, String site) throws SQLException {
        return 0;
    }

    Optional<String> siteOf(Connection c, String ticketId) throws SQLException {
        return oneString(c, "SELECT site FROM tickets WHERE id = ?", ticketId);
    }

    /** The site a kiosk checks people in for, from its tickets (kiosks serve one site). */
    Optional<String> siteOfKiosk(Connection c, String kioskId) throws SQLException {
        return oneString(c, "SELECT site FROM tickets WHERE kiosk = ? LIMIT 1", kioskId);
    }

    /** Keeps a kiosk's event; a failed print also marks the ticket for staff. */
    void recordEvent(Connection c, String site, lobby.sync.KioskOp op) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kiosk_events (op_id, site, kiosk, type, ticket_id, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, op.opId());
            ps.setString(2, site);
            ps.setString(3, op.kioskId());
            ps.setString(4, op.type().name());
            ps.setString(5, op.ticketId());
            ps.setString(6, op.detail());
            ps.setString(7, SORTABLE_INSTANT.format(op.at() == null ? Instant.EPOCH : op.at()));
            ps.executeUpdate();
        }
        if (op.type() == lobby.sync.KioskOp.Type.PRINT_FAILED) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tickets SET print_problem = ? WHERE id = ?")) {
                ps.setString(1, op.detail() == null || op.detail().isBlank() ? "not printed" : op.detail());
                ps.setString(2, op.ticketId());
                ps.executeUpdate();
            }
        }
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
