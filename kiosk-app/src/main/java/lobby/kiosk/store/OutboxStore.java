package lobby.kiosk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lobby.kiosk.sync.WireJson;
import java.util.UUID;
import lobby.sync.KioskOp;

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

    static void append(Connection c, KioskOp op, Instant now) throws SQLException {
        KioskStore.update(c, "INSERT INTO outbox(seq, op_id, type, body, created_at) VALUES (?,?,?,?,?)",
                op.seq(), op.opId(), op.type().name(), WireJson.write(op), now);
    }

    /** An event for the back office (a failed print, a lamp acknowledged), inside the caller's transaction. */
    static void appendEvent(Connection c, String kioskId, KioskOp.Type type, String ticketId, String detail,
                            Instant at) throws SQLException {
        append(c, KioskOp.event(UUID.randomUUID().toString(), kioskId, nextSeq(c), type, ticketId, detail, at), at);
    }

    /** The same, in a transaction of its own. */
    public void event(String kioskId, KioskOp.Type type, String ticketId, String detail, Instant at) {
        db.inTransaction("recording " + type, c -> {
            appendEvent(c, kioskId, type, ticketId, detail, at);
            return null;
        });
    }

    /** The oldest unacknowledged operations, in sequence order. */
    public List<KioskOp> pending(int limit) {
        return db.query("SELECT body FROM outbox WHERE acked_at IS NULL ORDER BY seq LIMIT ?", rs -> {
            List<KioskOp> ops = new ArrayList<>();
            while (rs.next()) {
                ops.add(WireJson.read(rs.getString(1), KioskOp.class));
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
