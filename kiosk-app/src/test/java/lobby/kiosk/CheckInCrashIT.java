package lobby.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import lobby.kiosk.store.KioskStore;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a kiosk in the middle of check-ins, many times: each check-in is whole (ticket,
 * number and outbox entry) or absent, and no number that came out of the printer is missing
 * from the store.
 */
class CheckInCrashIT {
    static final int ROUNDS = 12;

    @TempDir
    Path dir;

    @Test
    void killedMidCheckInLeavesWholeCheckInsOnlyAndEveryPrintedNumberStored() throws Exception {
        try (KioskStore store = KioskStore.open(dir.resolve("kiosk.db"))) {
            store.roster().replace(new SiteSnapshot("gz", "星辰汽车", LocalDate.now(), Instant.now(), "a2V5",
                    "http://bo/t", List.of(new Advisor("li", "李娜", 1, 17, Duty.ON_DUTY),
                    new Advisor("wang", "王强", 2, 27, Duty.ON_DUTY)), List.of(), List.of(), 0), Instant.now());
        }
        Path paper = dir.resolve("paper.txt");
        Random random = new Random(42);
        int issuedSeen = 0;
        for (int round = 0; round < ROUNDS; round++) {
            issuedSeen += runAndKill(paper, 1 + random.nextInt(40));
        }

        List<String> printed = Files.readAllLines(paper);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kiosk.db"));
             Statement s = c.createStatement()) {
            assertEquals("ok", scalar(s, "PRAGMA integrity_check"));
            Map<String, String> ticketsByNumber = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT number, id FROM tickets")) {
                while (rs.next()) {
                    ticketsByNumber.put(rs.getString(1), rs.getString(2));
                }
            }
            int tickets = ticketsByNumber.size();
            assertEquals(String.valueOf(tickets), scalar(s, "SELECT COUNT(*) FROM tickets"), "no number given twice");
            assertTrue(tickets >= issuedSeen, tickets + " stored, " + issuedSeen + " reported issued");
            for (String number : printed) {
                assertTrue(ticketsByNumber.containsKey(number), "printed " + number + " is not in the store");
            }
            assertEquals(tickets, Integer.parseInt(scalar(s, "SELECT COUNT(*) FROM outbox")),
                    "one outbox entry per ticket");
            assertEquals("0", scalar(s, "SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS "
                    + "(SELECT 1 FROM outbox o WHERE o.body LIKE '%' || t.id || '%')"), "tickets without their outbox entry");
            assertEquals(String.valueOf(tickets), scalar(s, "SELECT MAX(seq) FROM outbox"), "outbox seq has no gaps");
            for (String series : List.of("B", "U")) {
                int count = Integer.parseInt(scalar(s, "SELECT COUNT(*) FROM tickets WHERE number LIKE '" + series + "%'"));
                // The worker was never online: no leased blocks, every number from its own fallback series.
                String last = scalar(s, "SELECT COALESCE(MAX(last), 0) FROM counters WHERE series = '" + series + "*'");
                assertEquals(String.valueOf(count), last, "series " + series + " numbers are consecutive, none reused");
            }
        }
    }

    /** Starts a worker, waits for it to issue {@code atLeast} tickets, then kills it with SIGKILL. */
    private int runAndKill(Path paper, int atLeast) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashWorker.class.getName(), dir.toString(), paper.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int issued = 0;
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (issued < atLeast && (line = out.readLine()) != null) {
                if (line.startsWith("ISSUED ")) {
                    issued++;
                    seen.add(line);
                }
            }
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "worker did not die");
        }
        assertEquals(atLeast, issued, "worker issued tickets before the kill: " + seen);
        return issued;
    }

    private static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
