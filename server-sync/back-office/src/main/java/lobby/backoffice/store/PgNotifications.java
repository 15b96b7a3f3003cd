package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed changes between back offices that share one PostgreSQL database, by LISTEN/NOTIFY
 * (the one class that uses the PostgreSQL driver's own API). A writer sends its changes with
 * {@link #send} inside its transaction; PostgreSQL delivers them at commit, in commit order, to
 * every listening connection, this instance's included. Each instance therefore feeds its live
 * views from here only, and all instances show the same events with the same ids.
 *
 * <p>Notifications sent while the listening connection was down are lost to it: after a
 * reconnect, {@code onReconnect} runs so the views can resend each site's current state.
 */
final class PgNotifications implements AutoCloseable {
    static final String CHANNEL = "lobby_changes";
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);

    private final Database db;
    private final Consumer<String> onPayload;
    private final Runnable onReconnect;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    /** Starts listening; returns once the first LISTEN is in place, so nothing committed after is missed. */
    PgNotifications(Database db, Consumer<String> onPayload, Runnable onReconnect) {
        this.db = db;
        this.onPayload = onPayload;
        this.onReconnect = onReconnect;
        try {
            connection = listen();
        } catch (SQLException e) {
            throw new StoreException("cannot listen for changes on " + db.where() + ": " + e.getMessage(), e);
        }
        thread = new Thread(this::run, "pg-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    /** Within a write transaction: delivered to every listener when (and if) it commits. */
    static void send(Connection c, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, payload);
            ps.execute();
        }
    }

    private Connection listen() throws SQLException {
        Connection c = db.connect();
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void run() {
        while (running) {
            try {
                if (connection == null) {
                    connection = listen();
                    LOG.info("listening for changes on {} again; resending current state", db.where());
                    onReconnect.run();
                }
                PGNotification[] got = connection.unwrap(PGConnection.class).getNotifications((int) POLL.toMillis());
                if (got != null) {
                    for (PGNotification n : got) {
                        deliver(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("listening for changes on {} failed ({}); retrying in {} s", db.where(), e.getMessage(),
                        RETRY.toSeconds());
                closeQuietly();
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            onPayload.accept(payload);
        } catch (RuntimeException e) {
            LOG.error("a change notification could not be delivered: {}", payload, e);
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(POLL.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
    }
}
