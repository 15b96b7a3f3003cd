package lobby.backoffice;

import static lobby.backoffice.TestServer.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lobby.backoffice.pg.TestDatabases;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dealer group's set-up: two back offices sharing one PostgreSQL database (always on
 * PostgreSQL, whichever database the other API tests use). What one instance commits reaches
 * live clients of the other, with the same event ids, and concurrent writes through both stay
 * one queue.
 */
class SharedPostgresIT {
    private static final String EVENTS = "/api/sites/demo/events";
    private static final Instant EARLY = Instant.parse("2025-03-14T01:00:00Z");

    @TempDir
    Path dir;
    private TestServer a;
    private TestServer b;

    @BeforeEach
    void start() {
        ServerOptions.Postgres shared = new ServerOptions.Postgres(TestDatabases.newPostgresDatabase(), null);
        a = TestServer.start(dir.resolve("a"), o -> o.withPostgres(shared));
        b = TestServer.start(dir.resolve("b"), o -> o.withPostgres(shared));
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private JsonNode json(SseReader.Event e) {
        try {
            return a.http.json.readTree(e.data());
        } catch (Exception ex) {
            throw new AssertionError("not JSON: " + e, ex);
        }
    }

    @Test
    void whatOneInstanceCommitsReachesTheOthersClientsWithTheSameIds() throws Exception {
        try (SseReader onA = SseReader.open(a.as("adv-chen"), EVENTS, null);
             SseReader onB = SseReader.open(b.as("adv-li"), EVENTS, null)) {
            a.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-chen", EARLY));
            SseReader.Event seenOnB = onB.next();
            SseReader.Event seenOnA = onA.next();
            assertEquals("t1", json(seenOnB).get("ticketId").asText());
            assertEquals(seenOnA.id(), seenOnB.id(), "one site-wide event order");

            // An advisor working on instance B: the client on A sees it.
            assertEquals(200, b.as("adv-chen").post("/api/tickets/t1/call", "").statusCode());
            SseReader.Event called = onA.next();
            assertEquals("CALLED", json(called).get("status").asText());
            assertEquals("call", onA.next().name());
            assertTrue(Long.parseLong(called.id()) > Long.parseLong(seenOnA.id()));
            onB.next();
            onB.next();

            // A client that followed A resumes on B and gets exactly what it missed.
            b.push(checkIn("t2", 2, VisitKind.REPAIR, "adv-li", EARLY.plusSeconds(60)));
            try (SseReader resumed = SseReader.open(b.kiosk, EVENTS, called.id())) {
                SseReader.Event next = resumed.next();
                assertEquals("call", next.name(), "the call event after the ticket change");
                SseReader.Event t2 = resumed.next();
                assertEquals("t2", json(t2).get("ticketId").asText());
                assertEquals(Long.parseLong(called.id()) + 2, Long.parseLong(t2.id()));
            }
        }
    }

    @Test
    void twoKiosksPushingThroughBothInstancesAtOnceMakeOneQueue() throws Exception {
        int perKiosk = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> kiosks = new ArrayList<>();
            for (String kiosk : List.of(TestServer.KIOSK, "lobby-1")) {
                // Each kiosk pushes in order to one instance, then retries the same op through the
                // other one (as after a lost answer and a load balancer's switch).
                TestServer first = kiosk.equals(TestServer.KIOSK) ? a : b;
                TestServer second = first == a ? b : a;
                kiosks.add(pool.submit(() -> {
                    Http viaFirst = first.http.bearer(first.server.demo().orElseThrow().kioskToken(kiosk));
                    Http viaSecond = second.http.bearer(second.server.demo().orElseThrow().kioskToken(kiosk));
                    for (int seq = 1; seq <= perKiosk; seq++) {
                        KioskOp op = kioskOp(kiosk, seq);
                        PushResult once = push(viaFirst, kiosk, op);
                        PushResult again = push(viaSecond, kiosk, op);
                        assertEquals(List.of(op.opId()), once.applied());
                        assertEquals(List.of(op.opId()), again.applied(), "a retry gets the stored result");
                    }
                    return null;
                }));
            }
            for (Future<?> f : kiosks) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<QueueEntry> onA = a.queue();
        assertEquals(2 * perKiosk, onA.size(), "each ticket once");
        assertEquals(onA, b.queue(), "both instances show the same queue");
        Set<String> numbers = new HashSet<>();
        onA.forEach(e -> numbers.add(e.number()));
        assertEquals(2 * perKiosk, numbers.size(), "numbers unique");
    }

    private static KioskOp kioskOp(String kiosk, int seq) {
        String number = (kiosk.equals(TestServer.KIOSK) ? "A" : "C") + String.format("%03d", seq);
        return KioskOp.checkIn("op-" + kiosk + "-" + seq, kiosk, seq, new Ticket("t-" + kiosk + "-" + seq,
                DemoSite.SITE_ID, kiosk, TestServer.DAY, number, VisitKind.REPAIR, "adv-chen", null, "粤A8K2M6",
                false, EARLY.plusSeconds(seq), 8));
    }

    private static PushResult push(Http kiosk, String kioskId, KioskOp op) {
        var r = kiosk.post("/api/sync/push", new PushBatch(kioskId, List.of(op)));
        assertEquals(200, r.statusCode(), r.body());
        return kiosk.read(r, PushResult.class);
    }
}
