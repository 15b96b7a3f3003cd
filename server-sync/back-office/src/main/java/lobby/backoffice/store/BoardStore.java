package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the lobby board shows, read from the tickets. Runs inside the caller's transaction. */
final class BoardStore {
    /** Tickets being called, the latest call first; desk 0 when the advisor left the roster. */
    List<LobbyView.Calling> calling(Connection c, String site, LocalDate day, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.id, t.number, a.desk, t.last_called_at
                FROM tickets t LEFT JOIN advisors a ON a.site = t.site AND a.id = t.advisor_id
                WHERE t.site = ? AND t.day = ? AND t.status = 'CALLED' AND t.last_called_at IS NOT NULL
                ORDER BY t.last_called_at DESC, t.id
                LIMIT ?
                """)) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<LobbyView.Calling> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new LobbyView.Calling(rs.getString(2), rs.getInt(3), SortableInstant.parse(rs.getString(4)),
                            rs.getString(1)));
                }
                return out;
            }
        }
    }

    int waiting(Connection c, String site, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM tickets WHERE site = ? AND day = ? AND status = 'WAITING'")) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
