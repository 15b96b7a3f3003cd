package lobby.kiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The kiosk's SQLite file. One connection, WAL, full synchronous and IMMEDIATE transactions:
 * a check-in is either wholly on disk or not at all, even after a kill -9 or a power cut.
 * Callers go through the focused stores ({@link RosterStore}, {@link QueueStore},
 * {@link OutboxStore}) that share this connection.
 */
public final class KioskStore implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 5_000;
    private static final String[] MIGRATIONS = {"V1__kiosk.sql", "V2__reprints.sql", "V3__regulars.sql", "V4__ticket_status.sql",
        "V5__sync_protocol.sql"};
    /** Fixed width, so that times compare correctly as text in SQL. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Connection connection;
    private final RosterStore roster;
    private final QueueStore queue;
    private final OutboxStore outbox;
    private volatile OpStamps stamps;

    private KioskStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.roster = new RosterStore(this);
        this.outbox = new OutboxStore(this);
        this.queue = new QueueStore(this);
    }

    public static KioskStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.enforceForeignKeys(true);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            KioskStore store = new KioskStore(file, c);
            store.migrate();
            store.stampWith(Clock.systemUTC(), () -> true);
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open the kiosk store " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
    }

    /**
     * The clock that stamps ops, and whether it is synchronised with the server's; the kiosk
     * sets its {@link lobby.kiosk.sync.SyncedClock} here. Until then, the system clock, taken
     * as synchronised (tests and tools that use the store alone).
     */
    public void stampWith(Clock clock, java.util.function.BooleanSupplier synced) {
        this.stamps = new OpStamps(clock, synced, meta(OpStamps.LAST).orElse(null));
    }

    OpStamps stamps() {
        return stamps;
    }

    public RosterStore roster() {
        return roster;
    }

    public QueueStore queue() {
        return queue;
    }

    public OutboxStore outbox() {
        return outbox;
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> meta(String key) {
        return query("SELECT value FROM meta WHERE key = ?", rs -> rs.next() ? Optional.of(rs.getString(1))
                : Optional.<String>empty(), key);
    }

    public void putMeta(String key, String value) {
        inTransaction("storing " + key, c -> {
            putMeta(c, key, value);
            return null;
        });
    }

    /** Runs work in one IMMEDIATE transaction: all of it commits, or none of it. */
    synchronized <T> T inTransaction(String what, SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed in " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized <T> T query(String sql, SqlRows<T> rows, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new StoreException("query failed in " + file + ": " + e.getMessage() + " [" + sql + "]", e);
        }
    }

    /** Reads a time as {@link #update} wrote it (null stays null). */
    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static <T> T query(Connection c, String sql, SqlRows<T> rows, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rows.read(rs);
            }
        }
    }

    static void putMeta(Connection c, String key, String value) throws SQLException {
        update(c, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, value);
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setString(i + 1, INSTANT.format(t));
            } else if (a instanceof LocalDate || a instanceof Enum<?>) {
                ps.setString(i + 1, a.toString());
            } else if (a instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        for (int v = version; v < MIGRATIONS.length; v++) {
            String sql = resource(MIGRATIONS[v]);
            int next = v + 1;
            inTransaction("migration " + MIGRATIONS[v], c -> {
                try (Statement s = c.createStatement()) {
                    for (String statement : sql.split(";\\s*\\n")) {
                        if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                            s.executeUpdate(statement);
                        }
                    }
                    s.executeUpdate("PRAGMA user_version = " + next);
                }
                return null;
            });
        }
    }

    private static String resource(String name) {
        try (InputStream in = KioskStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " missing from the kiosk jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing " + file + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface SqlRows<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
