package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ops received so far, applied or rejected, by op id and by (kiosk, seq), and each kiosk's
 * progress through its seqs. Runs inside the caller's transaction.
 */
final class OpStore {
    /**
     * An op as stored.
     *
     * @param opId      the op's id as stored: its {@link #key}, or the {@link #seqKey} of an op
     *                  whose id another op had taken
     * @param rejection why the op was refused for good; null when it was applied
     */
    record Applied(String opId, String kioskId, long seq, String bodySha256, String rejection) {
    }

    /**
     * A kiosk's marks.
     *
     * @param contiguous the highest n such that seqs 1..n of the kiosk are all stored
     * @param max        the highest seq stored; above {@code contiguous} only in data from before
     *                   V7, when ops after a gap were still taken
     */
    record Progress(long contiguous, long max) {
        static final Progress NONE = new Progress(0, 0);
    }

    private static final String COLUMNS = "SELECT op_id, kiosk_id, seq, body_sha256, rejection FROM applied_ops ";

    /**
     * The id an op is stored under. An over-long id is rejected, but its seq must still count as
     * received; indexing its full text could fail (PostgreSQL refuses index entries over about
     * 2.7 kB), so it is stored as a digest, which no id of legal length can equal.
     */
    static String key(String opId) {
        return opId.length() <= OpLimits.MAX_ID_CHARS ? opId : "#" + Hashes.sha256(opId);
    }

    /**
     * The id under which an op is stored whose own id another op of the kiosk already has: its
     * refusal is kept so that its seq counts as received. "@" keeps it apart from {@link #key}s.
     */
    static String seqKey(String kioskId, long seq) {
        return "@" + Hashes.sha256(kioskId + " " + seq);
    }

    /** The stored ops that share the op's key or its kiosk and seq: at most two, in one look-up. */
    List<Applied> clashes(Connection c, String opKey, String kioskId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE op_id = ? OR (kiosk_id = ? AND seq = ?)")) {
            ps.setString(1, opKey);
            ps.setString(2, kioskId);
            ps.setLong(3, seq);
            try (ResultSet rs = ps.executeQuery()) {
                List<Applied> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(applied(rs));
                }
                return out;
            }
        }
    }

    Optional<Applied> bySeq(Connection c, String kioskId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE kiosk_id = ? AND seq = ?")) {
            ps.setString(1, kioskId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(applied(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Stores the op unless its id, or its kiosk and seq, is taken: one statement on the usual
     * path, where a look-up first would cost a second (a round trip each on PostgreSQL, inside
     * the write lock).
     *
     * It may be held back ({@link HeldWrites}): a taken id or seq then fails the transaction when
     * sent, and it runs again with this insert answering for itself.
     *
     * @return false, storing nothing, when either is taken ({@link #clashes} says which)
     */
    boolean tryInsert(Connection c, Applied op, Instant receivedAt) throws SQLException {
        try (PreparedStatement ps = HeldWrites.later(c, """
                INSERT INTO applied_ops (op_id, kiosk_id, seq, body_sha256, applied_at, rejection)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, true)) {
            ps.setString(1, op.opId());
            ps.setString(2, op.kioskId());
            ps.setLong(3, op.seq());
            ps.setString(4, op.bodySha256());
            ps.setString(5, SortableInstant.format(receivedAt));
            ps.setString(6, op.rejection());
            return ps.executeUpdate() == 1;
        }
    }

    /** Marks an op stored by {@link #tryInsert} as refused for good, within the same transaction. */
    void reject(Connection c, String opKey, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE applied_ops SET rejection = ? WHERE op_id = ?")) {
            ps.setString(1, reason);
            ps.setString(2, opKey);
            ps.executeUpdate();
        }
    }

    /** May be held back ({@link HeldWrites}): the op inserts it follows are checked when sent. */
    void saveProgress(Connection c, String kioskId, Progress p) throws SQLException {
        try (PreparedStatement ps = HeldWrites.later(c, """
                INSERT INTO kiosk_progress (kiosk_id, contiguous_seq, max_seq) VALUES (?, ?, ?)
                ON CONFLICT (kiosk_id) DO UPDATE SET contiguous_seq = excluded.contiguous_seq, max_seq = excluded.max_seq
                """, false)) {
            ps.setString(1, kioskId);
            ps.setLong(2, p.contiguous());
            ps.setLong(3, Math.max(p.max(), p.contiguous()));
            ps.executeUpdate();
        }
    }

    private static Applied applied(ResultSet rs) throws SQLException {
        return new Applied(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }
}
