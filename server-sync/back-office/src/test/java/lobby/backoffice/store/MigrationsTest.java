package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsMigratedToTheLatestVersionAndReopeningChangesNothing() {
        Database db = new Database(dir.resolve("b.db"));
        assertEquals(Migrations.latest(), Migrations.migrate(db));
        assertEquals(Migrations.latest(), Migrations.migrate(db));
        List<String> tables = db.read("listing tables", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        });
        assertEquals(List.of("advisors", "applied_ops", "appointments", "display_keys", "enrolment_codes", "kiosk_events",
                "kiosk_progress", "kiosks", "regulars", "sessions", "settings", "sites", "ticket_events", "tickets", "users"), tables);
    }

    @Test
    void aFileFromANewerBackOfficeIsRefusedNotDamaged() {
        Database db = new Database(dir.resolve("b.db"));
        db.write("pretending to be newer", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("PRAGMA user_version = 99");
            }
        });
        StoreException e = assertThrows(StoreException.class, () -> Migrations.migrate(db));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
        assertEquals(99, db.read("reading the version", Migrations::version));
    }

    @Test
    void scriptsSplitOnSemicolonsAtLineEndsAndLoseCommentLines() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (x TEXT); 
                CREATE TABLE b (
                    y TEXT -- why y
                );
                """;
        assertEquals(List.of("CREATE TABLE a (x TEXT);", "CREATE TABLE b (\n    y TEXT -- why y\n);"),
                Migrations.statements(script));
    }

    @Test
    void connectionsUseWalFullSyncAndABusyTimeout() {
        Database db = new Database(dir.resolve("b.db"));
        List<String> pragmas = db.write("reading pragmas", c -> {
            List<String> out = new java.util.ArrayList<>();
            for (String p : List.of("journal_mode", "synchronous", "busy_timeout", "foreign_keys")) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + p)) {
                    rs.next();
                    out.add(p + "=" + rs.getString(1));
                }
            }
            return out;
        });
        // synchronous 2 is FULL
        assertEquals(List.of("journal_mode=wal", "synchronous=2",
                "busy_timeout=" + Database.BUSY_TIMEOUT.toMillis(), "foreign_keys=1"), pragmas);
    }
}
