package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes held back within a transaction and sent together, one round trip per statement text
 * however many rows. On PostgreSQL every statement is a round trip to the server, and a group
 * commit's check-ins ({@link Commits}) run one after the other inside the write lock that every
 * back office shares: their round trips, not the work they do, set how many check-ins a second
 * the site takes. A check-in's inserts (its op, its ticket, the ticket's first events, the
 * kiosk's progress) need no answer before the transaction ends, so they are held back while the
 * batch runs and sent as JDBC batches before it commits.
 *
 * <p>Held-back writes are invisible until sent, so every statement made the ordinary way
 * ({@code prepareStatement}, {@code createStatement}, commit) sends them first: code that reads
 * sees what was written before, as always. Only reads made with {@link #ahead} skip that, where
 * the caller has shown that a read missing the held-back rows is harmless or caught.
 *
 * <p>A held-back insert that finds its key taken cannot answer "not inserted" when asked, as
 * {@code ON CONFLICT DO NOTHING} would; it answers "inserted" and, once sent, fails the whole
 * transaction with {@link Conflict}. {@link Commits} then runs the batch again with every
 * statement sent as it comes, where the statement's own answer decides, as it always did. That
 * costs a second run only when it happens: a kiosk's retry crossing its earlier push within one
 * group commit.
 *
 * <p>Only the writer's connection within a group commit on PostgreSQL holds writes back; on any
 * other connection, and on SQLite (in the process: no round trips), {@link #later} and {@link
 * #ahead} are plain {@code prepareStatement}.
 */
final class HeldWrites {
    /** A connection that can hold writes back (see {@link StatementCache}). */
    interface Holder {
        PreparedStatement later(String sql, boolean oneRow) throws SQLException;

        PreparedStatement ahead(String sql) throws SQLException;

        /** How many statements ran so far on the connection, ahead reads and held-back writes not counted. */
        long ordinaryRuns();
    }

    /** A held-back insert changed no row, or not one only: the transaction must run again, unheld. */
    static final class Conflict extends SQLException {
        Conflict(String message) {
            super(message);
        }
    }

    private HeldWrites() {
    }

    /**
     * A write the caller does not need answered before the transaction ends. Its {@code
     * executeUpdate} may only queue it, answering 1.
     *
     * @param oneRow the write must change exactly one row (an insert whose key may be taken);
     *               when it does not, the transaction fails with {@link Conflict}
     */
    static PreparedStatement later(Connection c, String sql, boolean oneRow) throws SQLException {
        return c instanceof Holder h ? h.later(sql, oneRow) : c.prepareStatement(sql);
    }

    /** A read that may run before the held-back writes are sent: see the callers for why each may. */
    static PreparedStatement ahead(Connection c, String sql) throws SQLException {
        return c instanceof Holder h ? h.ahead(sql) : c.prepareStatement(sql);
    }

    /**
     * Where the connection stands, for a read made ahead (see {@link Commits.ReadAhead}): what
     * it read still holds at {@link #unchangedSince} the mark if nothing but ahead reads and
     * held-back writes ran in between.
     */
    static long mark(Connection c) {
        return c instanceof Holder h ? h.ordinaryRuns() : -1;
    }

    /** @return false also for a connection that holds nothing back, where marks mean nothing */
    static boolean unchangedSince(Connection c, long mark) {
        return mark >= 0 && mark(c) == mark;
    }
}
