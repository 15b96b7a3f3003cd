package lobby.backoffice;

import static lobby.backoffice.TestServer.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import lobby.checkin.VisitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the lobby TV and the customer's phone see: numbers, desks, waits; nothing personal. */
class LobbyRoutesIT {
    private static final Instant EARLY = Instant.parse("2025-03-14T01:00:00Z");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(TestServer.CLOCK.instant(), TestServer.CLOCK.getZone());
    private TestServer ts;
    private String key;

    @BeforeEach
    void start() {
        ts = TestServer.start(dir, o -> o.withClock(clock));
        key = ts.server.demo().orElseThrow().displayKey();
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    private JsonNode board() {
        var r = ts.http.get("/api/sites/demo/board?key=" + key);
        assertEquals(200, r.statusCode(), r.body());
        return ts.http.tree(r);
    }

    private JsonNode status(String ticket) {
        var r = ts.http.get("/api/tickets/" + ticket + "/status");
        assertEquals(200, r.statusCode(), r.body());
        return ts.http.tree(r);
    }

    @Test
    void theBoardShowsTheLatestCallsFirstAndTheWait() {
        ts.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-chen", EARLY),
                checkIn("t2", 2, VisitKind.REPAIR, "adv-li", EARLY.plusSeconds(1)),
                checkIn("t3", 3, VisitKind.REPAIR, "adv-li", EARLY.plusSeconds(2)),
                checkIn("t4", 4, VisitKind.REPAIR, "adv-huang", EARLY.plusSeconds(3)));
        JsonNode before = board();
        assertEquals(0, before.get("calling").size());
        assertEquals(4, before.get("waiting").asInt());
        // 4 waiting among 3 advisors on duty: 2 ahead of a newcomer, 8 minutes each (no figures yet).
        assertEquals(16, before.get("estimatedWaitMinutes").asInt());

        Http chen = ts.as("adv-chen");
        Http li = ts.as("adv-li");
        assertEquals(200, chen.post("/api/tickets/t1/call", "").statusCode());
        Instant firstCall = clock.instant();
        clock.advance(java.time.Duration.ofSeconds(30));
        assertEquals(200, li.post("/api/tickets/t2/call", "").statusCode());
        JsonNode b = board();
        assertEquals("B002", b.get("calling").get(0).get("number").asText());
        assertEquals(2, b.get("calling").get(0).get("desk").asInt());
        assertEquals("B001", b.get("calling").get(1).get("number").asText());
        assertEquals(firstCall.toString(), b.get("calling").get(1).get("calledAt").asText());
        assertEquals(2, b.get("waiting").asInt());
        assertFalse(b.toString().contains("粤A12345"), "no full plate on the board: " + b);

        assertEquals(200, chen.post("/api/tickets/t1/start", "").statusCode());
        assertEquals(1, board().get("calling").size(), "served tickets leave the board");
    }

    @Test
    void theBoardNeedsTheKeyOrAStaffSession() {
        ts.assertError(401, ts.http.get("/api/sites/demo/board"));
        ts.assertError(401, ts.http.get("/api/sites/demo/board?key=guess"));
        assertEquals(200, ts.as("adv-li").get("/api/sites/demo/board").statusCode());
        ts.assertError(403, ts.http.get("/api/sites/other/board?key=" + key));
    }

    @Test
    void theCustomerSeesTheirPositionThenTheirDeskAndNothingPersonal() {
        ts.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-li", EARLY),
                checkIn("t2", 2, VisitKind.REPAIR, "adv-li", EARLY.plusSeconds(1)),
                checkIn("t3", 3, VisitKind.BREAKDOWN, "adv-li", EARLY.plusSeconds(2)),
                checkIn("t4", 4, VisitKind.REPAIR, "adv-chen", EARLY.plusSeconds(3)));

        JsonNode waiting = status("t2");
        assertEquals("B002", waiting.get("number").asText());
        assertEquals("WAITING", waiting.get("status").asText());
        assertEquals(2, waiting.get("position").asInt(), "the urgent tow-in and the first arrival go first");
        assertEquals(16, waiting.get("estimatedWaitMinutes").asInt());
        assertTrue(waiting.get("desk").isNull());
        assertEquals("粤A·***45", waiting.get("maskedPlate").asText());
        assertEquals("李晓婷", waiting.get("advisorName").asText());
        assertEquals(0, status("t3").get("position").asInt());
        assertEquals(0, status("t4").get("position").asInt(), "another advisor's queue");

        Http li = ts.as("adv-li");
        li.post("/api/tickets/t3/call", "");
        li.post("/api/tickets/t3/start", "");
        assertEquals(1, status("t2").get("position").asInt());
        li.post("/api/tickets/t2/transfer", Map.of("toAdvisorId", "adv-huang"));
        ts.as("adv-huang").post("/api/tickets/t2/call", "");
        JsonNode called = status("t2");
        assertEquals("CALLED", called.get("status").asText());
        assertEquals(0, called.get("position").asInt());
        assertEquals(3, called.get("desk").asInt());
        assertEquals("黄伟明", called.get("advisorName").asText());
    }

    @Test
    void anUnknownTicketIs404() {
        ts.assertError(404, ts.http.get("/api/tickets/00000000-0000-0000-0000-000000000000/status"));
        ts.assertError(400, ts.http.get("/api/tickets/" + "9".repeat(100) + "/status"));
    }
}
