package lobby.backoffice.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepared statements kept across transactions on one long-lived connection. The SQLite driver
 * compiles each prepareStatement afresh, about a third of a short statement's cost here; the
 * stores' code stays plain JDBC (prepare, use, close) and gets a cached statement whose close
 * only clears its parameters. One thread at a time, as the connection itself.
 *
 * <p>While {@link #holdWrites} is on, it also keeps the {@link HeldWrites} of the transaction: a
 * statement from {@link HeldWrites#later} queues its rows as a JDBC batch, and they are sent, in
 * the order their texts were first used, before any other statement runs (but a {@link
 * HeldWrites#ahead} read) and before the commit.
 */
final class StatementCache implements AutoCloseable, HeldWrites.Holder {
    /** Our own SQL only, so a handful of texts; the bound keeps a bug from growing it without end. */
    static final int MAX_STATEMENTS = 200;

    /** How a statement handed out treats the held-back writes. */
    private enum Kind {
        /** Sends them before it runs. */
        ORDINARY,
        /** Runs without sending them. */
        AHEAD,
        /** Is one of them: executeUpdate queues its rows. */
        LATER
    }

    /** A statement text's queued rows. */
    private record Held(String sql, PreparedStatement real, boolean oneRow) {
    }

    private final Connection connection;
    private final Connection view;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Held> held = new LinkedHashMap<>();
    private boolean holding;
    private long ordinaryRuns;

    StatementCache(Connection connection) {
        this.connection = connection;
        this.view = (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class, HeldWrites.Holder.class}, this::onConnection);
    }

    Connection raw() {
        return connection;
    }

    /** The connection as the stores see it. */
    Connection connection() {
        return view;
    }

    /** Turns holding back on for a transaction, or off (dropping whatever is still held: call it after the commit or rollback). */
    void holdWrites(boolean on) {
        discard();
        holding = on;
    }

    @Override
    public PreparedStatement later(String sql, boolean oneRow) throws SQLException {
        if (!holding) {
            return prepared(sql, Kind.ORDINARY);
        }
        PreparedStatement p = prepared(sql, Kind.LATER);
        Held h = held.get(sql);
        if (h == null) {
            held.put(sql, new Held(sql, statements.get(sql), oneRow));
        } else if (h.oneRow() != oneRow) {
            throw new SQLException("a held-back statement must always be held the same way: " + sql);
        }
        return p;
    }

    @Override
    public PreparedStatement ahead(String sql) throws SQLException {
        return prepared(sql, Kind.AHEAD);
    }

    @Override
    public long ordinaryRuns() {
        return ordinaryRuns;
    }

    /**
     * Sends the held-back writes, one JDBC batch per text.
     *
     * @throws HeldWrites.Conflict when one that must change one row did not
     */
    void flush() throws SQLException {
        if (held.isEmpty()) {
            return;
        }
        List<Held> all = new ArrayList<>(held.values());
        held.clear();
        int sent = 0;
        try {
            for (Held h : all) {
                int[] rows = h.real().executeBatch();
                sent++;
                if (h.oneRow()) {
                    for (int n : rows) {
                        if (n != 1) {
                            throw new HeldWrites.Conflict(n + " rows changed where one was expected (" + rows.length
                                    + " held back): " + h.sql().strip());
                        }
                    }
                }
            }
        } finally {
            for (Held h : all.subList(sent, all.size())) {
                clearQuietly(h.real());
            }
        }
    }

    private void discard() {
        for (Held h : held.values()) {
            clearQuietly(h.real());
        }
        held.clear();
    }

    private static void clearQuietly(PreparedStatement ps) {
        try {
            ps.clearBatch();
        } catch (SQLException e) {
            // the transaction is being abandoned anyway
        }
    }

    private Object onConnection(Object proxy, Method m, Object[] args) throws Throwable {
        switch (m.getName()) {
            case "prepareStatement":
                if (args != null && args.length == 1) {
                    return prepared((String) args[0], Kind.ORDINARY);
                }
                flush(); // not cached, nor watched: counted as run from here on
                ordinaryRuns++;
                break;
            case "later":
                return later((String) args[0], (Boolean) args[1]);
            case "ahead":
                return ahead((String) args[0]);
            case "ordinaryRuns":
                return ordinaryRuns;
            case "rollback":
                discard();
                ordinaryRuns++;
                break;
            case "createStatement", "prepareCall", "commit", "setAutoCommit", "releaseSavepoint", "setSavepoint":
                flush();
                ordinaryRuns++;
                break;
            default:
                break;
        }
        return call(connection, m, args);
    }

    private PreparedStatement prepared(String sql, Kind kind) throws SQLException {
        PreparedStatement cached = statements.get(sql);
        if (cached == null) {
            if (statements.size() >= MAX_STATEMENTS) {
                flush();
                close();
            }
            cached = connection.prepareStatement(sql);
            statements.put(sql, cached);
        }
        PreparedStatement real = cached;
        InvocationHandler h = (proxy, m, args) -> {
            String name = m.getName();
            if (name.equals("close") && m.getParameterCount() == 0) {
                real.clearParameters();
                return null;
            }
            if (kind == Kind.LATER && name.equals("executeUpdate") && m.getParameterCount() == 0) {
                real.addBatch();
                return 1;
            }
            if (kind == Kind.LATER && name.startsWith("execute")) {
                throw new SQLException("a held-back statement is run with executeUpdate() only: " + sql);
            }
            if (kind == Kind.ORDINARY && name.startsWith("execute")) {
                flush();
                ordinaryRuns++;
            }
            return call(real, m, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, h);
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        discard();
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // the connection is going anyway
            }
        }
        statements.clear();
    }
}
