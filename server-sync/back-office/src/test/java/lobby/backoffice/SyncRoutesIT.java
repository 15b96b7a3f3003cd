package lobby.backoffice;

import static lobby.backoffice.TestServer.CLOCK;
import static lobby.backoffice.TestServer.DAY;
import static lobby.backoffice.TestServer.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

/** Pushing check-ins over HTTP: each op applied once, and durably. */
class SyncRoutesIT {
    @TempDir
    Path dir;
    private TestServer ts;

    @BeforeEach
    void start() {
        ts = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void aPushedCheckInJoinsTheQueueWithItsAdvisorAndAMaskedPlate() {
        PushResult result = ts.push(op("op-1", 1, "adv-li", "粤AD73521"));

        assertEquals(new PushResult(List.of("op-1"), 1, List.of()), result);
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
    void aTicketForAnUnknownSiteIsRejectedNotStored() {
        KioskOp op = KioskOp.checkIn("op-9", TestServer.KIOSK, 1, new Ticket("t-9", "elsewhere", TestServer.KIOSK, DAY, "B001",
                VisitKind.ENQUIRY, null, null, null, false, CLOCK.instant(), 0));
        PushResult result = ts.push(op);

        assertEquals(List.of(), result.applied());
        assertEquals(0, result.highestSeq());
        assertTrue(result.rejected().get(0).reason().contains("enrolled at site demo"), result.toString());
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
        assertEquals("{\"applied\":[\"op-7\"],\"highestSeq\":1,\"rejected\":[]}", r.body());
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
