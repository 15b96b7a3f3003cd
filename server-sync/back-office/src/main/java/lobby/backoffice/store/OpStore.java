package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The ops applied so far, by op id and by (kiosk, seq). Runs inside the caller's transaction. */
final class OpStore {
    record Applied(String opId, String kioskId, long seq, String bodySha256) {
    }

    Optional<Applied> byId(Connection c, String opId) throws SQLException {
        return one(c, "SELECT op_id, kiosk_id, seq, body_sha256 FROM applied_ops WHERE op_id = ?", opId, null);
    }

    Optional<Applied> bySeq(Connection c, String kioskId, long seq) throws SQLException {
        return one(c, "SELECT op_id, kiosk_id, seq, body_sha256 FROM applied_ops WHERE kiosk_id = ? AND seq = ?",
                kioskId, seq);
    }

    void insert(Connection c, Applied op, Instant appliedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO applied_ops (op_id, kiosk_id, seq, body_sha256, applied_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, op.opId());
            ps.setString(2, op.kioskId());
            ps.setLong(3, op.seq());
            ps.setString(4, op.bodySha256());
            ps.setString(5, TicketStore.SORTABLE_INSTANT.format(appliedAt));
            ps.executeUpdate();
        }
    }

    /**
     * The highest n such that seqs 1..n of this kiosk are all stored. Scans the kiosk's ops on
     * the (kiosk_id, seq) index: fine for years of one lobby's check-ins; a per-kiosk
     * high-water mark would be the next step if it ever shows in a profile.
     */
    long highestContiguousSeq(Connection c, String kioskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM applied_ops WHERE kiosk_id = ?1 AND seq = 1) THEN 0
                ELSE (SELECT MIN(a.seq) FROM applied_ops a WHERE a.kiosk_id = ?1 AND NOT EXISTS
                        (SELECT 1 FROM applied_ops b WHERE b.kiosk_id = a.kiosk_id AND b.seq = a.seq + 1))
                END
                """)) {
            ps.setString(1, kioskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Optional<Applied> one(Connection c, String sql, String key, Long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            if (seq != null) {
                ps.setLong(2, seq);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Applied(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                        : Optional.empty();
            }
        }
    }
}
