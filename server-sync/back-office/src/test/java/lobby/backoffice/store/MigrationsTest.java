package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import lobby.checkin.Plate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsMigratedToTheLatestVersionAndReopeningChangesNothing() {
        Database db = Database.sqlite(dir.resolve("b.db"));
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
                "kiosk_marks", "kiosk_progress", "kiosks", "number_grants", "number_leases", "regulars", "sessions",
                "settings", "site_event_ids", "sites", "ticket_events", "tickets", "users", "vehicles"), tables);
    }

    /** Bookings from before V8 name their vehicles: one row per plate as Plate.matchKey sees it, from its latest booking. */
    @Test
    void aVersion7FileGetsAVehicleForEachBookedPlate() {
        Database db = Database.sqlite(dir.resolve("v7.db"));
        db.write("building schema 7", c -> {
            try (Statement s = c.createStatement()) {
                for (String script : Migrations.SCRIPTS.subList(0, 7)) {
                    for (String sql : Migrations.statements(Migrations.load(Database.Dialect.SQLITE, script))) {
                        s.executeUpdate(sql);
                    }
                }
                s.executeUpdate("PRAGMA user_version = 7");
                s.executeUpdate("INSERT INTO sites VALUES ('gz01', 'n', 'k', 'u')");
                s.executeUpdate("INSERT INTO sites VALUES ('sz01', 'n', 'k', 'u')");
                String insert = "INSERT INTO appointments (site, id, day, time, plate, customer_name, kind) VALUES ";
                s.executeUpdate(insert + "('gz01', 'a1', '2025-03-20', '09:00:00', '粤A·8K2M6', '张伟', 'REPAIR')");
                s.executeUpdate(insert + "('gz01', 'a2', '2025-03-14', '09:00:00', '粤a8k2m6', '张三', 'REPAIR')");
                s.executeUpdate(insert + "('gz01', 'a3', '2025-03-14', '10:00:00', '粤BO1I23', NULL, 'PICKUP')");
                s.executeUpdate(insert + "('sz01', 'a4', '2025-03-14', '10:00:00', '粤A8K2M6', '李娜', 'PICKUP')");
            }
            return null;
        });

        assertEquals(Migrations.latest(), Migrations.migrate(db));
        List<String> vehicles = db.read("reading vehicles", c -> {
            List<String> out = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT site, plate_key, plate, customer_name, last_seen_day FROM vehicles ORDER BY site, plate_key")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                            + " " + rs.getString(5));
                }
            }
            return out;
        });
        assertEquals(List.of("gz01 " + Plate.matchKey("粤A·8K2M6") + " 粤A·8K2M6 张伟 2025-03-20",
                "gz01 " + Plate.matchKey("粤BO1I23") + " 粤BO1I23 null 2025-03-14",
                "sz01 " + Plate.matchKey("粤A8K2M6") + " 粤A8K2M6 李娜 2025-03-14"), vehicles);
        assertEquals("粤B01123", Plate.matchKey("粤BO1I23"), "the SQL key is the Java one");
    }

    /** A file from the first release (schema 2) with pushed tickets keeps its history through the upgrade. */
    @Test
    void aVersion2FileGetsItsTicketsIssuedEventsAndItsKiosksSeqMarks() throws Exception {
        Database db = Database.sqlite(dir.resolve("old.db"));
        db.write("building schema 2", c -> {
            try (Statement s = c.createStatement()) {
                for (String script : Migrations.SCRIPTS.subList(0, 2)) {
                    try (var in = Migrations.class.getResourceAsStream(script)) {
                        for (String sql : Migrations.statements(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                            s.executeUpdate(sql);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                s.executeUpdate("PRAGMA user_version = 2");
                s.executeUpdate("INSERT INTO sites VALUES ('gz01', 'n', 'k', 'u')");
                s.executeUpdate("INSERT INTO tickets (id, site, kiosk, day, number, kind, advisor_id, lounge, issued_at, est_wait)"
                        + " VALUES ('t1', 'gz01', 'k1', '2025-03-14', 'B001', 'REPAIR', 'adv-a', 0, '2025-03-14T01:00:00.000000000Z', 8)");
                for (int seq : new int[] {1, 2, 4}) {
                    s.executeUpdate("INSERT INTO applied_ops VALUES ('op" + seq + "', 'k1', " + seq + ", 'sha', 'x')");
                }
            }
            return null;
        });

        assertEquals(Migrations.latest(), Migrations.migrate(db));
        List<String> rows = db.read("reading the upgrade", c -> {
            List<String> out = new java.util.ArrayList<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT ticket_id, type, at, advisor_id, actor FROM ticket_events")) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                                + " " + rs.getString(5));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT kiosk_id, contiguous_seq, max_seq FROM kiosk_progress")) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT id, clock_synced, received_at, hlc FROM tickets")) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " synced " + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4));
                    }
                }
            }
            return out;
        });
        assertEquals(List.of("t1 ISSUED 2025-03-14T01:00:00.000000000Z adv-a k1", "k1 2 4", "t1 synced 1 null null"),
                rows, "tickets from before V7 count as issued on a synchronised clock");
    }

    @Test
    void aFileFromANewerBackOfficeIsRefusedNotDamaged() {
        Database db = Database.sqlite(dir.resolve("b.db"));
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
        Database db = Database.sqlite(dir.resolve("b.db"));
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
