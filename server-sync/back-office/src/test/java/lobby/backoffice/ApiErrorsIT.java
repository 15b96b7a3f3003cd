package lobby.backoffice;

import static lobby.backoffice.TestServer.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caller's mistakes get a 4xx with a JSON error, never a 5xx or a stack trace. */
class ApiErrorsIT {
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
    void brokenRequestsGet4xxWithAJsonErrorNeverA5xx() {
        String truncated = ts.assertError(400, ts.kiosk.post("/api/sync/push", "{\"kioskId\": \"k\", \"ops\": ["));
        assertTrue(truncated.contains("JSON"), truncated);
        ts.assertError(400, ts.kiosk.post("/api/sync/push", ""));
        ts.assertError(400, ts.kiosk.post("/api/sync/push", "null"));
        ts.assertError(400, ts.kiosk.post("/api/sync/push", "[1, 2]"));
        ts.assertError(400, ts.kiosk.post("/api/sync/push", "{\"kioskId\": {}, \"ops\": []}"));
        ts.assertError(400, ts.kiosk.post("/api/sync/push", "{\"kioskId\": \"k\", \"ops\": \"none\"}"));
        ts.assertError(400, ts.kiosk.post("/api/sync/push", "{\"ops\": []}"));
        String wrongSeq = ts.assertError(400, ts.kiosk.post("/api/sync/push",
                "{\"kioskId\": \"k\", \"ops\": [{\"opId\": \"o\", \"kioskId\": \"k\", \"seq\": \"first\"}]}"));
        assertTrue(wrongSeq.contains("ops[0].seq"), wrongSeq);
        String missingTicket = ts.assertError(400, ts.kiosk.post("/api/sync/push",
                "{\"kioskId\": \"k\", \"ops\": [{\"opId\": \"o\", \"kioskId\": \"k\", \"seq\": 1, \"type\": \"CHECK_IN\"}]}"));
        assertTrue(missingTicket.contains("ticket"), missingTicket);
        ts.assertError(403, ts.kiosk.get("/api/sites/nowhere/snapshot"));
        ts.assertError(403, ts.kiosk.get("/api/sites/nowhere/queue"));
        ts.assertError(404, ts.http.get("/api/nothing-here"));
        ts.assertError(400, ts.kiosk.get("/api/tickets/%00/status")); // refused by Jetty itself, still JSON
        assertEquals(List.of(), ts.queue());
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"kioskId\": \"" + "k".repeat((int) BackOfficeServer.MAX_BODY_BYTES) + "\", \"ops\": []}";
        assertTrue(ts.assertError(413, ts.kiosk.post("/api/sync/push", huge)).contains("larger than"));
        assertEquals(200, ts.http.get("/api/health").statusCode(), "still serving");
    }

    @Test
    void aBatchOverMaxOpsIs413AndNothingIsApplied() {
        List<KioskOp> ops = LongStream.rangeClosed(1, PushBatch.MAX_OPS + 1)
                .mapToObj(seq -> op("op-" + seq, seq, "adv-chen", null)).toList();
        String error = ts.assertError(413, ts.kiosk.post("/api/sync/push", new PushBatch(TestServer.KIOSK, ops)));
        assertTrue(error.contains(String.valueOf(PushBatch.MAX_OPS)), error);
        assertEquals(List.of(), ts.queue());
    }
}
