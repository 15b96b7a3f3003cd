package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The data epoch: a random id that names this run of the data. A restore from a backup
 * starts a new one, and a kiosk that sees the epoch change pushes again what the backup lacks
 * (the server's highestSeq tells it from where) and reloads its copy of the queue. Kept in the
 * settings table, so every back office sharing a PostgreSQL database answers with the same one.
 * Runs inside the caller's transaction.
 */
final class EpochStore {
    static final String SETTING = "epoch";
    /**
     * How far a new epoch moves each site's live-event ids on: past any id a client saw before
     * the restore, however many events the backup lacks (a busy site makes a few thousand a day).
     */
    static final long EVENT_ID_JUMP = 1_000_000;

    /**
     * Read ahead of held-back writes ({@link HeldWrites}), none of which touches the settings.
     *
     * @throws SQLException when there is none: {@link #createIfMissing} runs when the store opens
     */
    String current(Connection c) throws SQLException {
        try (PreparedStatement ps = HeldWrites.ahead(c, "SELECT value FROM settings WHERE name = ?")) {
            ps.setString(1, SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the database has no data epoch; it is created when the store opens");
                }
                return rs.getString(1);
            }
        }
    }

    /** The first start of a database begins its first epoch; later starts keep it. */
    void createIfMissing(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, SETTING);
            ps.setString(2, UUID.randomUUID().toString());
            ps.executeUpdate();
        }
    }

    /**
     * Starts a new epoch, and moves every site's event ids on by {@link #EVENT_ID_JUMP}: after
     * a restore the ids would otherwise start again below ones that live views have seen, and
     * a view resuming from such an id would skip the new events.
     *
     * @return the new epoch
     */
    String renew(Connection c) throws SQLException {
        String epoch = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, SETTING);
            ps.setString(2, epoch);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE site_event_ids SET last_id = last_id + ?")) {
            ps.setLong(1, EVENT_ID_JUMP);
            ps.executeUpdate();
        }
        // Sites whose events the backup predates altogether.
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO site_event_ids (site, last_id)
                SELECT id, ? FROM sites WHERE id NOT IN (SELECT site FROM site_event_ids)
                """)) {
            ps.setLong(1, EVENT_ID_JUMP);
            ps.executeUpdate();
        }
        return epoch;
    }
}
