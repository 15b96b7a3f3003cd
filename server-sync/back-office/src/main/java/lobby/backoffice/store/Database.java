package lobby.backoffice.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The database (a SQLite file, or PostgreSQL for a dealer group) and how to work in it: every
 * unit of work runs in one transaction, committed before the caller sees the result.
 *
 * <p>Connections are kept open, with their prepared statements ({@link StatementCache}):
 * opening one costs about 0.5-1.5 ms here, more than most of our transactions. One writer
 * connection (SQLite admits one writer at a time anyway), used under a lock, and a small pool of
 * readers that under WAL never wait for the writer.
 *
 * <p>Writes begin IMMEDIATE: they take SQLite's write lock up front, so two concurrent
 * read-then-insert pushes queue on busy_timeout instead of one failing with SQLITE_BUSY when it
 * tries to upgrade a read lock (DEFERRED lost 387 of 400 such races in a trial); that still
 * matters when another process (a second back office) writes the same file. Reads stay
 * DEFERRED. synchronous=FULL makes a commit durable across power loss, which an acknowledged
 * push promises to the kiosk.
 *
 * <p>On PostgreSQL several back offices may share the database. A write first takes a
 * transaction-scoped advisory lock ({@link #WRITE_LOCK}), so writes are serialised across every
 * instance as SQLite serialises them within its file: read-then-insert rules (a ticket number,
 * a kiosk's next seq) stay race-free, and event ids are given out in commit order. Reads run
 * as REPEATABLE READ, READ ONLY: one snapshot per unit of work, as under WAL. There every
 * statement is a round trip to the server, and writes are serialised across instances, so a
 * write's round trips limit the whole site's rate: PostgreSQL connections run with auto-commit
 * off, where the driver sends BEGIN along with the transaction's first statement rather than on
 * its own, and a group commit may hold writes back to send them together ({@link HeldWrites}).
 */
final class Database implements AutoCloseable {
    /** How long a writer waits for another writer before giving up. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    /** Readers kept open: the HTTP threads that read at once on a small server. */
    static final int READERS = 8;

    /** The advisory lock key every PostgreSQL write takes ("lobby" in ASCII). */
    static final long WRITE_LOCK = 0x6c6f626279L;

    /** Which SQL the database speaks, where the two differ. */
    enum Dialect {
        SQLITE,
        POSTGRES
    }

    /** Work inside one transaction; an exception rolls it back. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Dialect dialect;
    private final String where;
    private final String url;
    private final Properties properties;
    private final ReentrantLock writeLock = new ReentrantLock();
    private Connection writer; // guarded by writeLock
    private StatementCache writerStatements; // guarded by writeLock
    private final BlockingQueue<StatementCache> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final AtomicInteger readers = new AtomicInteger();

    private Database(Dialect dialect, String where, String url, Properties properties) {
        this.dialect = dialect;
        this.where = where;
        this.url = url;
        this.properties = properties;
    }

    static Database sqlite(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.enforceForeignKeys(true);
        // Otherwise the driver asks for last_insert_rowid() after every insert: one more
        // statement per row, inside the write lock, for keys nothing here reads.
        config.setGetGeneratedKeys(false);
        return new Database(Dialect.SQLITE, file.toAbsolutePath().toString(), "jdbc:sqlite:" + file.toAbsolutePath(),
                config.toProperties());
    }

    /**
     * @param url      {@code jdbc:postgresql://host:port/database}, with {@code ?user=} if need be
     * @param password null when the server needs none (or the URL or ~/.pgpass gives it)
     */
    static Database postgres(String url, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL database URL starts with jdbc:postgresql:, was " + url);
        }
        Properties p = new Properties();
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "lobby back office");
        p.setProperty("connectTimeout", Long.toString(BUSY_TIMEOUT.toSeconds()));
        // A connection stuck in a write holds the lock every instance needs: give up on it.
        p.setProperty("options", "-c idle_in_transaction_session_timeout=" + BUSY_TIMEOUT.toMillis() * 3);
        return new Database(Dialect.POSTGRES, url.replaceAll("password=[^&]*", "password=***"), url, p);
    }

    Dialect dialect() {
        return dialect;
    }

    /** The file, or the database URL without its password: for messages. */
    String where() {
        return where;
    }

    /** A new connection outside the pools, in auto-commit (PostgreSQL's LISTEN needs its own). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    /**
     * Transactions are begun and ended by statement, the connection staying in auto-commit
     * between them: with auto-commit off, the SQLite driver begins the next transaction right
     * after a commit, and a writer would then hold the write lock while idle, locking out every
     * other connection to the file.
     */
    <T> T write(String what, Work<T> work) {
        return write(what, false, work);
    }

    /**
     * @param holdWrites on PostgreSQL, let the work hold writes back ({@link HeldWrites}); a
     *                   {@link HeldWrites.Conflict} then fails the transaction
     */
    <T> T write(String what, boolean holdWrites, Work<T> work) {
        long started = System.nanoTime();
        writeLock.lock();
        try {
            if (writer == null || writer.isClosed()) {
                writerStatements = open(false);
                writer = writerStatements.raw();
            }
            try {
                Connection c = writerStatements.connection();
                if (dialect == Dialect.SQLITE) {
                    execute(c, "BEGIN IMMEDIATE");
                } else {
                    execute(c, "SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
                    writerStatements.holdWrites(holdWrites);
                }
                T result = work.run(c);
                commit(c);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                // Errors too (a class missing after a bad upgrade): an open transaction left on the
                // shared writer would fail every later write with "transaction within a transaction".
                if (!rollbackQuietly(writerStatements.connection(), e)) {
                    closeWriter();
                }
                throw e;
            } finally {
                if (writerStatements != null) {
                    writerStatements.holdWrites(false);
                }
            }
        } catch (SQLException e) {
            throw failed(what, started, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A connection for the pools. On PostgreSQL auto-commit is off: a transaction begins with
     * its first statement, and readers' transactions are REPEATABLE READ, READ ONLY. (Not on
     * SQLite: there the driver would begin the next transaction right after a commit, see
     * {@link #write}.)
     */
    private StatementCache open(boolean reader) throws SQLException {
        Connection c = connect();
        try {
            if (dialect == Dialect.POSTGRES) {
                c.setAutoCommit(false);
                if (reader) {
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    c.setReadOnly(true);
                }
            }
            return new StatementCache(c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private void commit(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            execute(c, "COMMIT");
        } else {
            c.commit();
        }
    }

    <T> T read(String what, Work<T> work) {
        long started = System.nanoTime();
        StatementCache c = null;
        try {
            c = borrowReader();
            if (dialect == Dialect.SQLITE) {
                execute(c.connection(), "BEGIN");
            }
            T result = work.run(c.connection());
            commit(c.connection());
            if (!idleReaders.offer(c)) {
                closeReader(c);
            }
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            // A reader that failed is not trusted again: close it; the pool opens another.
            if (c != null) {
                rollbackQuietly(c.connection(), e);
                closeReader(c);
            }
            if (e instanceof SQLException sql) {
                throw failed(what, started, sql);
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e;
        }
    }

    private StatementCache borrowReader() throws SQLException {
        StatementCache c = idleReaders.poll();
        if (c != null) {
            return c;
        }
        if (readers.incrementAndGet() <= READERS) {
            try {
                return open(true);
            } catch (SQLException | RuntimeException e) {
                readers.decrementAndGet();
                throw e;
            }
        }
        readers.decrementAndGet();
        try {
            c = idleReaders.poll(BUSY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a reader connection", e);
        }
        if (c == null) {
            throw new SQLException("no reader connection free within " + BUSY_TIMEOUT.toMillis() + " ms (" + READERS
                    + " in use)");
        }
        return c;
    }

    private void closeReader(StatementCache c) {
        c.close();
        closeQuietly(c.raw());
        readers.decrementAndGet();
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private StoreException failed(String what, long started, SQLException e) {
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new StoreException(what + " failed in " + where + " after " + ms + " ms: " + e.getMessage(), e);
    }

    /** @return false when even the rollback failed: the connection is not to be used again */
    private boolean rollbackQuietly(Connection c, Throwable cause) {
        try {
            if (dialect == Dialect.SQLITE) {
                execute(c, "ROLLBACK");
            } else {
                c.rollback();
            }
            return true;
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no transaction is active")) {
                return true; // it failed before BEGIN, or SQLite already rolled back
            }
            cause.addSuppressed(e);
            return false;
        }
    }

    /** With the write lock held. */
    private void closeWriter() {
        if (writer != null) {
            writerStatements.close();
            closeQuietly(writer);
            writer = null;
            writerStatements = null;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // already broken; nothing more to do with it
        }
    }

    /** Closes the open connections; the next unit of work opens new ones. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            closeWriter();
        } finally {
            writeLock.unlock();
        }
        for (StatementCache c = idleReaders.poll(); c != null; c = idleReaders.poll()) {
            closeReader(c);
        }
    }
}
