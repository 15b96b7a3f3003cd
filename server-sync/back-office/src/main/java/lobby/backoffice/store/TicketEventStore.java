package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each step of a ticket's life with its time. Runs inside the caller's transaction. */
final class TicketEventStore {
    void insert(Connection c, String site, TicketEvent e) throws SQLException {
        insert(c, site, List.of(e));
    }

    /** Several events in one statement. */
    void insert(Connection c, String site, List<TicketEvent> all) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(all.size()))) {
            insert(ps, site, all);
        }
    }

    /**
     * A new ticket's first events (ISSUED, LAMP_LIT and perhaps TRANSFERRED), which may be held
     * back with the ticket's own insert ({@link HeldWrites}): nothing reads them within the
     * check-in, and anything that reads them later sends them first.
     */
    void insertWithTicket(Connection c, String site, List<TicketEvent> all) throws SQLException {
        try (PreparedStatement ps = HeldWrites.later(c, insertSql(all.size()), false)) {
            insert(ps, site, all);
        }
    }

    private static String insertSql(int rows) {
        return "INSERT INTO ticket_events (site, ticket_id, type, at, advisor_id, from_advisor, to_advisor, actor, detail)"
                + " VALUES " + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }

    private static void insert(PreparedStatement ps, String site, List<TicketEvent> all) throws SQLException {
        int i = 0;
        for (TicketEvent e : all) {
            ps.setString(++i, site);
            ps.setString(++i, e.ticketId());
            ps.setString(++i, e.type().name());
            ps.setString(++i, SortableInstant.format(e.at()));
            ps.setString(++i, e.advisorId());
            ps.setString(++i, e.fromAdvisorId());
            ps.setString(++i, e.toAdvisorId());
            ps.setString(++i, e.actor());
            ps.setString(++i, e.detail());
        }
        ps.executeUpdate();
    }

    List<TicketEvent> forTicket(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT ticket_id, type, at, advisor_id, from_advisor, to_advisor, actor, detail
                FROM ticket_events WHERE ticket_id = ? ORDER BY id
                """)) {
            ps.setString(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                List<TicketEvent> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new TicketEvent(rs.getString(1), TicketEvent.Type.valueOf(rs.getString(2)), SortableInstant.parse(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
                return out;
            }
        }
    }

    /**
     * Service times (STARTED to DONE) of tickets finished since {@code since}. Differences are
     * taken here rather than in SQL: date arithmetic on text differs between SQLite and PostgreSQL.
     */
    List<Duration> serviceTimesSince(Connection c, String site, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.at, d.at FROM ticket_events d
                JOIN ticket_events s ON s.ticket_id = d.ticket_id AND s.type = 'STARTED'
                WHERE d.site = ? AND d.type = 'DONE' AND d.at >= ?
                """)) {
            ps.setString(1, site);
            ps.setString(2, SortableInstant.format(since));
            try (ResultSet rs = ps.executeQuery()) {
                List<Duration> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(Duration.between(SortableInstant.parse(rs.getString(1)), SortableInstant.parse(rs.getString(2))));
                }
                return out;
            }
        }
    }

    /**
     * Every ticket issued at the site on the days {@code from} to {@code toExclusive}, with the
     * first time it was acknowledged, called and started and the time it was done. The advisor
     * is the ticket's owner now: after a transfer, the one who served the customer.
     *
     * <p>The issue time is the ISSUED event's, not the ticket's issued_at: for a kiosk whose clock
     * was not synchronised that event is timed by the server (see PushRules), and waits measured
     * from a clock hours off would be nonsense. Tickets without the event keep issued_at.
     */
    List<TicketTimeline> timelines(Connection c, String site, LocalDate from, LocalDate toExclusive)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.id, t.day, t.kind, t.advisor_id, a.name, t.status, t.issued_at, e.type, MIN(e.at)
                FROM tickets t
                LEFT JOIN advisors a ON a.site = t.site AND a.id = t.advisor_id
                LEFT JOIN ticket_events e ON e.ticket_id = t.id
                    AND e.type IN ('ISSUED', 'ACKNOWLEDGED', 'CALLED', 'STARTED', 'DONE')
                WHERE t.site = ? AND t.day >= ? AND t.day < ?
                GROUP BY t.id, t.day, t.kind, t.advisor_id, a.name, t.status, t.issued_at, e.type
                ORDER BY t.day, t.issued_at, t.id
                """)) {
            ps.setString(1, site);
            ps.setString(2, from.toString());
            ps.setString(3, toExclusive.toString());
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, TicketTimeline.Builder> byTicket = new LinkedHashMap<>();
                while (rs.next()) {
                    String id = rs.getString(1);
                    TicketTimeline.Builder b = byTicket.get(id);
                    if (b == null) {
                        b = new TicketTimeline.Builder(id, LocalDate.parse(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), SortableInstant.parse(rs.getString(7)));
                        byTicket.put(id, b);
                    }
                    String type = rs.getString(8);
                    if (type != null) {
                        b.at(type, SortableInstant.parse(rs.getString(9)));
                    }
                }
                return byTicket.values().stream().map(TicketTimeline.Builder::build).toList();
            }
        }
    }
}
