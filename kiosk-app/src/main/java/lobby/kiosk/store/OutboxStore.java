package lobby.kiosk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lobby.kiosk.sync.WireJson;
import lobby.sync.CheckInOp;

/**
 * Actions waiting for the back office. An entry is written in the same transaction as the
 * action it carries, with its op id and sequence number fixed before any attempt to send.
 */
public final class OutboxStore {
    private final KioskStore db;

    OutboxStore(KioskStore db) {
        this.db = db;
    }

    /** The next sequence number; called inside the check-in transaction. */
    static long nextSeq(Connection c) throws SQLException {
        long seq = KioskStore.query(c, "SELECT value FROM meta WHERE key = 'outbox.seq'",
                rs -> rs.next() ? Long.parseLong(rs.getString(1)) : 0L) + 1;
        KioskStore.putMeta(c, "outbox.seq", Long.toString(seq));
        return seq;
    }

    static void append(Connection c, CheckInOp op, Instant now) throws SQLException {
        KioskStore.update(c, "INSERT INTO outbox(seq, op_id, type, body, created_at) VALUES (?,?,?,?,?)",
                op.seq(), op.opId(), "check-in", WireJson.write(op), now);
    }

    /** The oldest unacknowledged operations, in sequence order. */
    public List<CheckInOp> pending(int limit) {
        return db.query("SELECT body FROM outbox WHERE acked_at IS NULL ORDER BY seq LIMIT ?", rs -> {
            List<CheckInOp> ops = new ArrayList<>();
            while (rs.next()) {
                ops.add(WireJson.read(rs.getString(1), CheckInOp.class));
            }
            return ops;
        }, limit);
    }

    public int pendingCount() {
        return db.query("SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL", rs -> rs.getInt(1));
    }

    public void acknowledge(Collection<String> opIds, Instant at) {
        if (opIds.isEmpty()) {
            return;
        }
        db.inTransaction("acknowledging " + opIds.size() + " outbox entries", c -> {
            for (String id : opIds) {
                KioskStore.update(c, "UPDATE outbox SET acked_at = ? WHERE op_id = ? AND acked_at IS NULL", at, id);
            }
            return null;
        });
    }
}
