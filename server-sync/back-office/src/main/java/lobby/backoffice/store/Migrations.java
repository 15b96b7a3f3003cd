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
 * the version applied is kept in SQLite's {@code user_version}, and each script runs in the
 * same transaction as the version bump, so a crash leaves the file at a whole version.
 * Scripts are never edited once released: a change is a new script.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of("V1__sites_roster_tickets.sql", "V2__op_types_regulars.sql",
            "V3__ticket_events.sql", "V4__users_kiosks.sql", "V5__kiosk_progress.sql");

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
                    for (String sql : statements(load(SCRIPTS.get(v - 1)))) {
                        s.executeUpdate(sql);
                    }
                    // PRAGMA takes no bind parameters; v is our own integer.
                    s.executeUpdate("PRAGMA user_version = " + v);
                }
            }
            return version(c);
        });
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
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
