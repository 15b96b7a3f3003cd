package lobby.backoffice;

import static lobby.backoffice.TestServer.CLOCK;
import static lobby.backoffice.TestServer.DAY;
import static lobby.backoffice.TestServer.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;
import lobby.sync.PushResult;
import lobby.sync.QueueEntry;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushing check-ins over HTTP: each op decided once (applied or rejected), durably, in each
 * kiosk's seq order without gaps, under the server's data epoch.
 */
class SyncRoutesIT {
    @TempDir
    Path dir;
    private TestServer ts;

    @BeforeEach
    void start() {
        // No rate limit: the fault test pushes a few hundred batches as fast as it can (KioskRoutesIT tests the limit).
        ts = TestServer.start(dir, o -> o.withKioskRateLimit(Double.POSITIVE_INFINITY, 1));
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void aPushedCheckInJoinsTheQueueWithItsAdvisorAndAMaskedPlate() {
        PushResult result = ts.push(op("op-1", 1, "adv-li", "粤AD73521"));

        assertEquals(new PushResult(List.of("op-1"), 1, List.of(), List.of(), List.of(), ts.server.store().epoch(),
                CLOCK.instant()), result);
        List<QueueEntry> q = ts.queue();
        assertEquals(1, q.size());
        QueueEntry e = q.get(0);
        assertEquals("t-op-1", e.ticketId());
        assertEquals("A001", e.number());
        assertEquals("MAINTENANCE", e.kind());
        assertEquals("李晓婷", e.advisorName());
        assertEquals(2, e.desk());
        assertEquals("粤A·****21", e.maskedPlate());
        assertEquals("WAITING", e.status());
        assertEquals(TestServer.KIOSK, e.kioskId());
        assertEquals(0, ts.kiosk.read(ts.kiosk.get("/api/sites/demo/queue?day=2025-03-13"), QueueEntry[].class).length,
                "yesterday's queue");
    }

    @Test
    void pushingTheSameOpTwiceMakesOneTicketAndBothAnswersListIt() {
        PushResult first = ts.push(op("op-1", 1, "adv-chen", "粤A8K2M6"));
        PushResult second = ts.push(op("op-1", 1, "adv-chen", "粤A8K2M6"));

        assertEquals(List.of("op-1"), first.applied());
        assertEquals(List.of("op-1"), second.applied());
        assertEquals(1, second.highestSeq());
        assertEquals(1, ts.queue().size());
    }

    @Test
    void theSameOpIdWithAnotherBodyIsRejected() {
        ts.push(op("op-1", 1, "adv-chen", "粤A8K2M6"));
        PushResult conflict = ts.push(op("op-1", 1, "adv-chen", "粤B5H7N3"));

        assertEquals(List.of(), conflict.applied());
        assertEquals("op-1", conflict.rejected().get(0).opId());
        assertTrue(conflict.rejected().get(0).reason().contains("different body"), conflict.toString());
        assertEquals("粤A·***M6", ts.queue().get(0).maskedPlate());
    }

    @Test
    void aRejectionIsFinalItsRetryGetsTheSameReasonAndTheNextSeqStillApplies() {
        KioskOp op = KioskOp.checkIn("op-9", TestServer.KIOSK, 1, new Ticket("t-9", "elsewhere", TestServer.KIOSK, DAY,
                "B001", VisitKind.ENQUIRY, null, null, null, false, CLOCK.instant(), 0));
        PushResult result = ts.push(op);

        assertEquals(List.of(), result.applied());
        assertEquals(1, result.highestSeq(), "the rejected op's seq counts as received");
        assertTrue(result.rejected().get(0).reason().contains("enrolled at site demo"), result.toString());

        PushResult retry = ts.push(op, op("op-2", 2, "adv-chen", null));
        assertEquals(result.rejected(), retry.rejected());
        assertEquals(List.of("op-2"), retry.applied());
        assertEquals(2, retry.highestSeq());
        assertEquals(List.of("t-op-2"), ts.queue().stream().map(QueueEntry::ticketId).toList());
    }

    @Test
    void opsAfterAGapAreDeferredAndAppliedOnceTheMissingOneArrives() {
        PushResult early = ts.push(op("op-2", 2, "adv-chen", null), op("op-3", 3, "adv-li", null));
        assertEquals(List.of("op-2", "op-3"), early.deferred());
        assertEquals(List.of(), early.applied());
        assertEquals(List.of(), early.rejected());
        assertEquals(0, early.highestSeq());
        assertEquals(List.of(), ts.queue());

        PushResult missing = ts.push(op("op-1", 1, "adv-chen", null));
        assertEquals(1, missing.highestSeq());
        PushResult resent = ts.push(op("op-3", 3, "adv-li", null), op("op-1", 1, "adv-chen", null),
                op("op-2", 2, "adv-chen", null));
        assertEquals(List.of("op-1", "op-2", "op-3"), resent.applied(), "taken in seq order");
        assertEquals(List.of(), resent.deferred());
        assertEquals(3, resent.highestSeq());
        assertEquals(3, ts.queue().size());
    }

    /**
     * Fault test 2: a kiosk's whole outbox (check-ins, failed prints and desk buttons) pushed
     * shuffled, in batches of random sizes, as a kiosk resending what is not acknowledged yet
     * would; then all of it again. Every ticket ends up once, and the desk buttons acknowledge
     * exactly the tickets that were lit before them: nothing was taken out of order.
     */
    @Test
    void aShuffledOutboxReplayedTwiceEndsAsOneQueueInTheKiosksOrder() {
        Instant start = Instant.parse("2025-03-14T01:00:00Z");
        List<String> advisors = List.of("adv-chen", "adv-li", "adv-huang"); // desks 1, 2, 3
        List<KioskOp> outbox = new ArrayList<>();
        Set<String> expectedAcknowledged = new HashSet<>();
        Map<Integer, List<String>> litAtDesk = new HashMap<>();
        Set<String> printFailed = new HashSet<>();
        String lastTicket = null;
        for (int seq = 1; seq <= 60; seq++) {
            Instant at = start.plusSeconds(seq);
            if (seq > 1 && seq % 5 == 0) {
                int desk = 1 + (seq / 5) % 3;
                outbox.add(KioskOp.event("op-lamp-" + seq, TestServer.KIOSK, seq, KioskOp.Type.LAMP_ACKNOWLEDGED, null,
                        Integer.toString(desk), at));
                expectedAcknowledged.addAll(litAtDesk.getOrDefault(desk, List.of()));
                litAtDesk.remove(desk);
            } else if (seq % 7 == 0) {
                outbox.add(KioskOp.event("op-print-" + seq, TestServer.KIOSK, seq, KioskOp.Type.PRINT_FAILED, lastTicket,
                        "paper out", at));
                printFailed.add(lastTicket);
            } else {
                String advisor = advisors.get(seq % 3);
                lastTicket = "t" + seq;
                outbox.add(TestServer.checkIn(lastTicket, seq, VisitKind.REPAIR, advisor, at));
                litAtDesk.computeIfAbsent(1 + advisors.indexOf(advisor), d -> new ArrayList<>()).add(lastTicket);
            }
        }
        Random random = new Random(20250314);
        int deferredPushes = 0;
        long highest = 0;
        for (int replay = 1; replay <= 2; replay++) {
            List<KioskOp> pending = new ArrayList<>(outbox);
            for (int round = 0; !pending.isEmpty(); round++) {
                assertTrue(round < 500, "replay " + replay + " never drained; left " + pending.size());
                Collections.shuffle(pending, random);
                List<KioskOp> left = new ArrayList<>();
                for (int from = 0; from < pending.size(); ) {
                    List<KioskOp> batch = pending.subList(from, Math.min(pending.size(), from + 1 + random.nextInt(12)));
                    from += batch.size();
                    PushResult r = ts.push(batch.toArray(KioskOp[]::new));
                    assertEquals(List.of(), r.rejected(), "every op is valid");
                    long first = batch.stream().mapToLong(KioskOp::seq).min().orElseThrow();
                    if (first > highest + 1) {
                        deferredPushes++;
                        assertEquals(batch.stream().map(KioskOp::opId).sorted().toList(),
                                r.deferred().stream().sorted().toList(), "a batch wholly past the gap is deferred");
                    }
                    Set<String> acknowledged = new HashSet<>(r.applied());
                    assertEquals(batch.size(), acknowledged.size() + r.deferred().size(), r.toString());
                    batch.stream().filter(o -> !acknowledged.contains(o.opId())).forEach(left::add);
                    highest = r.highestSeq();
                }
                pending = left;
            }
        }
        assertTrue(deferredPushes > 0, "the shuffle put some batches past a gap");
        assertEquals(60, highestSeq());
        List<QueueEntry> q = ts.queue();
        List<String> ids = q.stream().map(QueueEntry::ticketId).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no ticket twice: " + ids);
        assertEquals(outbox.stream().filter(o -> o.type() == KioskOp.Type.CHECK_IN).map(KioskOp::ticketId).toList(),
                ids, "every check-in once, in the kiosk's order");
        assertEquals(expectedAcknowledged, q.stream().filter(QueueEntry::acknowledged).map(QueueEntry::ticketId)
                .collect(Collectors.toSet()), "each button answered the lamps lit before it");
        assertEquals(printFailed, q.stream().filter(e -> e.printProblem() != null).map(QueueEntry::ticketId)
                .collect(Collectors.toSet()));
    }

    /** The kiosk's contiguous seq as the server holds it: an empty push asks. */
    private long highestSeq() {
        return ts.push().highestSeq();
    }

    @Test
    void theEpochIsKeptAcrossARestartAndRenewedAfterARestoreWhichKeepsTheData() {
        PushResult first = ts.push(op("op-1", 1, "adv-chen", null));
        String epoch = first.epoch();
        assertEquals(epoch, UUID.fromString(epoch).toString());
        assertEquals(CLOCK.instant(), first.serverTime());
        assertEquals(epoch, snapshot().epoch());

        ts = ts.restart();
        assertEquals(epoch, ts.push().epoch(), "a restart is not a restore");
        assertEquals(1, ts.push().highestSeq());
        long eventId = ts.server.store().lastEventId("demo");

        ts = ts.restart(o -> o.withNewEpoch(true));
        PushResult after = ts.push(op("op-2", 2, "adv-chen", null));
        assertNotEquals(epoch, after.epoch());
        assertEquals(after.epoch(), snapshot().epoch());
        assertEquals(2, after.highestSeq(), "the kiosk's progress is kept");
        assertEquals(2, ts.queue().size());
        // The jump, then the demo's bookings seeded again at the start (an event each), then the check-in.
        int reseeded = ts.server.demo().orElseThrow().codes().size();
        assertEquals(eventId + 1_000_000 + reseeded + 1, ts.server.store().lastEventId("demo"),
                "event ids jump past any a client saw before the restore");
    }

    private SiteSnapshot snapshot() {
        return ts.kiosk.read(ts.kiosk.get("/api/sites/demo/snapshot"), SiteSnapshot.class);
    }

    @Test
    void aHandWrittenPushInTheDocumentedShapeIsAccepted() {
        String body = """
                {"kioskId": "demo-kiosk-1", "ops": [{"opId": "op-7", "kioskId": "demo-kiosk-1", "seq": 1, "type": "CHECK_IN",
                  "extra": true, "ticket": {"id": "t-7", "siteId": "demo", "kioskId": "demo-kiosk-1", "day": "2025-03-14",
                    "number": "B001", "kind": "REPAIR", "advisorId": "adv-huang", "appointmentId": null,
                    "plate": "粤E6T1R5", "waitInLounge": false, "issuedAt": "2025-03-14T01:40:00.000Z",
                    "estimatedWaitMinutes": 0}}]}
                """;
        HttpResponse<String> r = ts.kiosk.post("/api/sync/push", body);

        assertEquals(200, r.statusCode(), r.body());
        String epoch = ts.server.store().epoch();
        assertEquals("{\"applied\":[\"op-7\"],\"highestSeq\":1,\"rejected\":[],\"deferred\":[],\"reassigned\":[],"
                + "\"epoch\":\"" + epoch + "\",\"serverTime\":\"2025-03-14T01:30:00Z\"}", r.body());
        assertEquals("黄伟明", ts.queue().get(0).advisorName());
    }

    @Test
    void concurrentRetriesFromFlakyWifiStillMakeOneTicket() throws Exception {
        int retries = 6;
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PushResult>> answers = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return ts.push(op("op-1", 1, "adv-chen", "粤A8K2M6"));
                }));
            }
            go.countDown();
            for (Future<PushResult> a : answers) {
                assertEquals(List.of("op-1"), a.get(60, TimeUnit.SECONDS).applied());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ts.queue().size());
    }

    @Test
    void whatWasPushedSurvivesARestart() {
        ts.push(op("op-1", 1, "adv-chen", "粤A8K2M6"));
        ts = ts.restart();

        assertEquals(1, ts.queue().size());
        SiteSnapshot snapshot = ts.kiosk.read(ts.kiosk.get("/api/sites/demo/snapshot"), SiteSnapshot.class);
        assertEquals(12, snapshot.appointments().size(), "re-seeding on restart duplicates nothing");
    }
}
