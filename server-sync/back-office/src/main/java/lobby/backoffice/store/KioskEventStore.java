package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import lobby.sync.KioskOp;

/**
 * What kiosks report besides check-ins (failed prints, lamp events), as they sent it. Runs inside
 * the caller's transaction.
 */
final class KioskEventStore {
    /** The site a kiosk checks people in for, from its tickets (kiosks serve one site). */
    Optional<String> siteOfKiosk(Connection c, String kioskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT site FROM tickets WHERE kiosk = ? LIMIT 1")) {
            ps.setString(1, kioskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Keeps a kiosk's event; a failed print also marks the ticket for staff. */
    void record(Connection c, String site, KioskOp op) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kiosk_events (op_id, site, kiosk, type, ticket_id, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, op.opId());
            ps.setString(2, site);
            ps.setString(3, op.kioskId());
            ps.setString(4, op.type().name());
            ps.setString(5, op.ticketId());
            ps.setString(6, op.detail());
            ps.setString(7, SortableInstant.format(op.at() == null ? Instant.EPOCH : op.at()));
            ps.executeUpdate();
        }
        if (op.type() == KioskOp.Type.PRINT_FAILED) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tickets SET print_problem = ? WHERE id = ?")) {
                ps.setString(1, op.detail() == null || op.detail().isBlank() ? "not printed" : op.detail());
                ps.setString(2, op.ticketId());
                ps.executeUpdate();
            }
        }
    }
}
