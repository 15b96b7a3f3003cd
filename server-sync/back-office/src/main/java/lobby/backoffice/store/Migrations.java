package lobby.backoffice.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the schema up to date. Migration N is the resource at index N-1 of {@link #SCRIPTS};
 * the version applied is kept in SQLite's {@code user_version} (PostgreSQL: the one row of
 * {@code schema_version}), and each script runs in the same transaction as the version bump,
 * so a crash leaves the database at a whole version. Scripts are never edited once released:
 * a change is a new script.
 *
 * <p>Both dialects get the same tables, columns and indexes. Where their SQL differs (an
 * auto-numbered key), the dialect's folder ({@code postgres/}) holds its own copy of that
 * script; every other script is shared. On PostgreSQL the migration holds the write lock, so
 * back offices started together migrate one after the other.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of("V1__sites_roster_tickets.sql", "V2__op_types_regulars.sql",
            "V3__ticket_events.sql", "V4__users_kiosks.sql", "V5__kiosk_progress.sql", "V6__site_event_ids.sql",
            "V7__one_queue.sql", "V8__vehicles.sql");

    private Migrations() {
    }

    static int latest() {
        return SCRIPTS.size();
    }

    /** @return the schema version after migrating */
    static int migrate(Database db) {
        return db.write("migrating the schema", c -> {
            int current = version(c);
            if (current > latest()) {
                throw new SQLException("the database is at schema version " + current
                        + " but this back office knows only up to " + latest() + "; was it written by a newer one?");
            }
            for (int v = current + 1; v <= latest(); v++) {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(load(db.dialect(), SCRIPTS.get(v - 1)))) {
                        s.executeUpdate(sql);
                    }
                }
                setVersion(c, db.dialect(), v);
            }
            return version(c);
        });
    }

    static int version(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            }
            try (ResultSet rs = s.executeQuery(postgres ? "SELECT MAX(version) FROM schema_version"
                    : "PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void setVersion(Connection c, Database.Dialect dialect, int v) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (dialect == Database.Dialect.POSTGRES) {
                s.executeUpdate("DELETE FROM schema_version");
                s.executeUpdate("INSERT INTO schema_version (version) VALUES (" + v + ")");
            } else {
                // PRAGMA takes no bind parameters; v is our own integer.
                s.executeUpdate("PRAGMA user_version = " + v);
            }
        }
    }

    /** Splits on ';' at a line's end and drops "--" comment lines; enough for our own scripts. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** The dialect's own copy of the script if it has one, else the shared one. */
    static String load(Database.Dialect dialect, String name) {
        String own = dialect.name().toLowerCase(java.util.Locale.ROOT) + "/" + name;
        return Migrations.class.getResource(own) != null ? load(own) : load(name);
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading migration script " + name, e);
        }
    }
}
