package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ops applied so far, by op id and by (kiosk, seq). Runs inside the caller's transaction. */
final class OpStore {
    record Applied(String opId, String kioskId, long seq, String bodySha256) {
    }

    /** The stored ops that share the op's id or its kiosk and seq: at most two, in one look-up. */
    List<Applied> clashes(Connection c, String opId, String kioskId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT op_id, kiosk_id, seq, body_sha256 FROM applied_ops
                WHERE op_id = ? OR (kiosk_id = ? AND seq = ?)
                """)) {
            ps.setString(1, opId);
            ps.setString(2, kioskId);
            ps.setLong(3, seq);
            try (ResultSet rs = ps.executeQuery()) {
                List<Applied> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Applied(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
                return out;
            }
        }
    }

    Optional<Applied> bySeq(Connection c, String kioskId, long seq) throws SQLException {
        return one(c, "SELECT op_id, kiosk_id, seq, body_sha256 FROM applied_ops WHERE kiosk_id = ? AND seq = ?",
                kioskId, seq);
    }

    /**
     * Stores the op unless its id, or its kiosk and seq, is taken: one statement on the usual
     * path, where a look-up first would cost a second (a round trip each on PostgreSQL, inside
     * the write lock).
     *
     * @return false, storing nothing, when either is taken ({@link #clashes} says which)
     */
    boolean tryInsert(Connection c, Applied op, Instant appliedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO applied_ops (op_id, kiosk_id, seq, body_sha256, applied_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """)) {
            ps.setString(1, op.opId());
            ps.setString(2, op.kioskId());
            ps.setLong(3, op.seq());
            ps.setString(4, op.bodySha256());
            ps.setString(5, SortableInstant.format(appliedAt));
            return ps.executeUpdate() == 1;
        }
    }

    /** Takes back an op stored by {@link #tryInsert} that was then refused, within the same transaction. */
    void delete(Connection c, String opId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM applied_ops WHERE op_id = ?")) {
            ps.setString(1, opId);
            ps.executeUpdate();
        }
    }

    /**
     * Keeps the kiosk's marks after an op was stored: the contiguous one moves on when the op is
     * the next in line, and past any ops that had arrived early behind a gap it now closes.
     *
     * @return the kiosk's highest contiguous seq now
     */
    long advance(Connection c, Applied op) throws SQLException {
        long contiguous;
        long max;
        // Plain "?" and CASE rather than SQLite's ?NNN and two-argument MAX: the same text runs on PostgreSQL.
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO kiosk_progress (kiosk_id, contiguous_seq, max_seq) VALUES (?, ?, ?)
                ON CONFLICT (kiosk_id) DO UPDATE SET
                    contiguous_seq = CASE WHEN kiosk_progress.contiguous_seq = ? THEN ? ELSE kiosk_progress.contiguous_seq END,
                    max_seq = CASE WHEN kiosk_progress.max_seq > ? THEN kiosk_progress.max_seq ELSE ? END
                RETURNING contiguous_seq, max_seq
                """)) {
            ps.setString(1, op.kioskId());
            ps.setLong(2, op.seq() == 1 ? 1 : 0);
            ps.setLong(3, op.seq());
            ps.setLong(4, op.seq() - 1);
            ps.setLong(5, op.seq());
            ps.setLong(6, op.seq());
            ps.setLong(7, op.seq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                contiguous = rs.getLong(1);
                max = rs.getLong(2);
            }
        }
        if (contiguous == op.seq() && max > contiguous) {
            long next = contiguous;
            while (bySeq(c, op.kioskId(), next + 1).isPresent()) {
                next++; // an op that arrived early, after the gap this one closes
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kiosk_progress SET contiguous_seq = ? WHERE kiosk_id = ?")) {
                ps.setLong(1, next);
                ps.setString(2, op.kioskId());
                ps.executeUpdate();
            }
            return next;
        }
        return contiguous;
    }

    /** The highest n such that seqs 1..n of this kiosk are all stored: an index lookup, kept by {@link #insert}. */
    long highestContiguousSeq(Connection c, String kioskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT contiguous_seq FROM kiosk_progress WHERE kiosk_id = ?")) {
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
