package lobby.kiosk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import lobby.kiosk.sync.WireJson;
import lobby.sync.KioskOp;
import lobby.sync.PushResult;

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
    static void appendEvent(Connection c, OpStamps stamps, String kioskId, KioskOp.Type type, String ticketId,
                            String detail, Instant at) throws SQLException {
        append(c, KioskOp.event(UUID.randomUUID().toString(), kioskId, nextSeq(c), type, ticketId, detail, at,
                stamps.next(c), stamps.synced()), at);
    }

    /** The same, in a transaction of its own. */
    public void event(String kioskId, KioskOp.Type type, String ticketId, String detail, Instant at) {
        db.inTransaction("recording " + type, c -> {
            appendEvent(c, db.stamps(), kioskId, type, ticketId, detail, at);
            return null;
        });
    }

    /** The oldest operations neither acknowledged nor refused, in sequence order. */
    public List<KioskOp> pending(int limit) {
        return db.query("SELECT body FROM outbox WHERE acked_at IS NULL AND rejected_at IS NULL ORDER BY seq LIMIT ?",
                rs -> {
            List<KioskOp> ops = new ArrayList<>();
            while (rs.next()) {
                ops.add(WireJson.read(rs.getString(1), KioskOp.class));
            }
            return ops;
        }, limit);
    }

    public int pendingCount() {
        return db.query("SELECT COUNT(*) FROM outbox WHERE acked_at IS NULL AND rejected_at IS NULL",
                rs -> rs.getInt(1));
    }

    /** An op the back office refused for good, with its reason: for staff to look at. */
    public record DeadLetter(long seq, String opId, String type, String reason, Instant rejectedAt) {
    }

    /**
     * Moves refused ops to the dead-letter list: they are kept, no longer sent, and the rest of
     * the outbox moves on (the back office counts their seq as received).
     */
    public void reject(Collection<PushResult.Rejection> rejections, Instant at) {
        if (rejections.isEmpty()) {
            return;
        }
        db.inTransaction("recording " + rejections.size() + " refused ops", c -> {
            for (PushResult.Rejection r : rejections) {
                KioskStore.update(c, "UPDATE outbox SET rejected_at = ?, rejection = ? WHERE op_id = ? AND acked_at IS NULL",
                        at, r.reason(), r.opId());
            }
            return null;
        });
    }

    public List<DeadLetter> deadLetters() {
        return db.query("SELECT seq, op_id, type, rejection, rejected_at FROM outbox WHERE rejected_at IS NOT NULL"
                + " ORDER BY seq", rs -> {
                    List<DeadLetter> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                KioskStore.instant(rs.getString(5))));
                    }
                    return out;
                });
    }

    /** The highest seq the back office has acknowledged (0 when none). */
    public long highestAcknowledged() {
        return db.query("SELECT COALESCE(MAX(seq), 0) FROM outbox WHERE acked_at IS NOT NULL", rs -> rs.getLong(1));
    }

    /**
     * The back office no longer has ops it once acknowledged (it was restored from a backup):
     * everything after {@code highestSeq} is pending again, refused ones included, to be pushed
     * once more. Nothing is dropped.
     *
     * @return how many ops will be pushed again
     */
    public int resendAfter(long highestSeq) {
        return db.inTransaction("marking ops after seq " + highestSeq + " for sending again", c -> KioskStore.update(c,
                "UPDATE outbox SET acked_at = NULL, rejected_at = NULL, rejection = NULL WHERE seq > ?"
                        + " AND (acked_at IS NOT NULL OR rejected_at IS NOT NULL)", highestSeq));
    }

    /**
     * Forgets acknowledged ops older than {@code before}: a restore older than that cannot be
     * made whole from this kiosk any more; the back office keeps its own backups.
     */
    public int prune(Instant before) {
        return db.inTransaction("pruning the outbox", c -> KioskStore.update(c,
                "DELETE FROM outbox WHERE acked_at IS NOT NULL AND acked_at < ?", before));
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
