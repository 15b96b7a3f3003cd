package lobby.backoffice.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements kept across transactions on one long-lived connection. The SQLite driver
 * compiles each prepareStatement afresh, about a third of a short statement's cost here; the
 * stores' code stays plain JDBC (prepare, use, close) and gets a cached statement whose close
 * only clears its parameters. One thread at a time, as the connection itself.
 */
final class StatementCache implements AutoCloseable {
    /** Our own SQL only, so a handful of texts; the bound keeps a bug from growing it without end. */
    static final int MAX_STATEMENTS = 200;

    private final Connection connection;
    private final Connection view;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    StatementCache(Connection connection) {
        this.connection = connection;
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    Connection raw() {
        return connection;
    }

    /** The connection as the stores see it. */
    Connection connection() {
        return view;
    }

    private Object onConnection(Object proxy, Method m, Object[] args) throws Throwable {
        if (m.getName().equals("prepareStatement") && args != null && args.length == 1) {
            return prepared((String) args[0]);
        }
        return call(connection, m, args);
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement cached = statements.get(sql);
        if (cached == null) {
            if (statements.size() >= MAX_STATEMENTS) {
                close();
            }
            cached = connection.prepareStatement(sql);
            statements.put(sql, cached);
        }
        PreparedStatement real = cached;
        InvocationHandler h = (proxy, m, args) -> {
            if (m.getName().equals("close") && m.getParameterCount() == 0) {
                real.clearParameters();
                return null;
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
