package lobby.backoffice;

import static lobby.backoffice.TestServer.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk joins with a one-time code, works with its own token until revoked, reports its health. */
class KioskRoutesIT {
    private static final String NEW_KIOSK = "lobby-2";

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(TestServer.CLOCK.instant(), TestServer.CLOCK.getZone());
    private TestServer ts;

    @AfterEach
    void stop() {
        if (ts != null) {
            ts.close();
        }
    }

    private TestServer start() {
        ts = TestServer.start(dir, o -> o.withClock(clock));
        return ts;
    }

    private String code(String kioskId) {
        HttpResponse<String> r = ts.as("admin").post("/api/kiosks/enrolment-codes",
                Map.of("siteId", "demo", "kioskId", kioskId));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode code = ts.http.tree(r);
        assertEquals(clock.instant().plus(Duration.ofHours(24)).toString(), code.get("expiresAt").asText());
        return code.get("code").asText();
    }

    private HttpResponse<String> enrol(String code, String kioskId) {
        return ts.http.post("/api/kiosks/enrol", Map.of("code", code, "kioskId", kioskId));
    }

    private static KioskOp op(String kiosk, long seq) {
        Instant at = Instant.parse("2025-03-14T01:00:00Z").plusSeconds(seq);
        return KioskOp.checkIn("op-" + kiosk + "-" + seq, kiosk, seq, new Ticket("t-" + kiosk + "-" + seq, "demo", kiosk,
                TestServer.DAY, "B00" + seq, VisitKind.REPAIR, "adv-li", null, null, false, at, 0));
    }

    @Test
    void aCodeBuysOneTokenWhichWorksUntilRevoked() {
        start();
        String code = code(NEW_KIOSK);
        assertTrue(code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), code);

        HttpResponse<String> enrolled = enrol(code.toLowerCase().replace("-", " "), NEW_KIOSK);
        assertEquals(200, enrolled.statusCode(), enrolled.body());
        String token = ts.http.tree(enrolled).get("token").asText();
        assertEquals("demo", ts.http.tree(enrolled).get("siteId").asText());
        assertTrue(token.length() >= 43, token);
        ts.assertError(401, enrol(code, NEW_KIOSK));

        Http kiosk = ts.http.bearer(token);
        assertEquals(200, kiosk.post("/api/sync/push", new PushBatch(NEW_KIOSK, List.of(op(NEW_KIOSK, 1))))
                .statusCode());
        assertEquals(200, kiosk.get("/api/sites/demo/snapshot").statusCode());
        ts.assertError(403, kiosk.post("/api/sync/push", new PushBatch(TestServer.KIOSK,
                List.of(checkIn("t9", 1, VisitKind.REPAIR, "adv-li", clock.instant())))));

        assertEquals(204, ts.as("admin").delete("/api/kiosks/" + NEW_KIOSK + "/token").statusCode());
        String revoked = ts.assertError(401, kiosk.get("/api/sites/demo/snapshot"));
        assertTrue(revoked.contains("revoked"), revoked);
        ts.assertError(404, ts.as("admin").delete("/api/kiosks/no-such-kiosk/token"));
        ts.assertError(403, ts.as("manager").delete("/api/kiosks/" + TestServer.KIOSK + "/token"));
        assertEquals(200, ts.kiosk.get("/api/sites/demo/snapshot").statusCode(), "other kiosks keep working");
    }

    @Test
    void aCodeIsForOneKioskAndOneDay() {
        start();
        String code = code(NEW_KIOSK);
        ts.assertError(401, enrol(code, "lobby-3"));
        ts.assertError(401, enrol("AAAA-BBBB-CCCC", NEW_KIOSK));
        clock.advance(Duration.ofHours(25));
        ts.assertError(401, enrol(code, NEW_KIOSK));
        ts.assertError(400, enrol(code, "../etc"));
        ts.assertError(400, ts.http.post("/api/kiosks/enrol", "{\"kioskId\": \"lobby-2\"}"));
        ts.assertError(400, ts.as("admin").post("/api/kiosks/enrolment-codes", Map.of("siteId", "demo")));
        ts.assertError(403, ts.as("admin").post("/api/kiosks/enrolment-codes",
                Map.of("siteId", "other", "kioskId", NEW_KIOSK)));
        ts.assertError(403, ts.as("manager").post("/api/kiosks/enrolment-codes",
                Map.of("siteId", "demo", "kioskId", NEW_KIOSK)));
    }

    @Test
    void heartbeatsShowOnTheDevicesList() {
        start();
        String beat = """
                {"version": "0.1.0", "devices": [{"device": "printer", "state": "WARNING", "detail": "paper low"},
                  {"device": "lamps", "state": "OK", "detail": null}], "pendingOps": 3, "lastSync": "2025-03-14T01:29:00Z"}
                """;
        assertEquals(204, ts.kiosk.post("/api/kiosks/" + TestServer.KIOSK + "/heartbeat", beat).statusCode());
        ts.assertError(403, ts.kiosk.post("/api/kiosks/lobby-1/heartbeat", beat));
        ts.assertError(400, ts.kiosk.post("/api/kiosks/" + TestServer.KIOSK + "/heartbeat", "{\"pendingOps\": -1}"));
        ts.assertError(400, ts.kiosk.post("/api/kiosks/" + TestServer.KIOSK + "/heartbeat",
                "{\"devices\": [{\"device\": \"" + "p".repeat(201) + "\"}]}"));

        JsonNode list = ts.http.tree(ts.as("manager").get("/api/sites/demo/kiosks"));
        assertEquals(List.of("bench", "demo-kiosk-1", "lobby-1"),
                List.of(list.get(0).get("kioskId").asText(), list.get(1).get("kioskId").asText(),
                        list.get(2).get("kioskId").asText()));
        JsonNode k = list.get(1);
        assertEquals("0.1.0", k.get("version").asText());
        assertEquals(clock.instant().toString(), k.get("lastSeen").asText());
        assertEquals(3, k.get("pendingOps").asInt());
        assertEquals("2025-03-14T01:29:00Z", k.get("lastSync").asText());
        assertEquals("paper low", k.get("devices").get(0).get("detail").asText());
        assertTrue(k.get("tokenActive").asBoolean());
        assertTrue(list.get(0).get("lastSeen").isNull(), "no heartbeat yet");
        ts.assertError(403, ts.as("adv-chen").get("/api/sites/demo/kiosks"));
    }

    @Test
    void aKioskSendingTooFastGets429WithRetryAfter() {
        ts = TestServer.start(dir, o -> o.withKioskRateLimit(1, 3));
        int limited = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = ts.kiosk.post("/api/kiosks/" + TestServer.KIOSK + "/heartbeat", "{}");
            assertTrue(r.statusCode() == 204 || r.statusCode() == 429, r.statusCode() + " " + r.body());
            if (r.statusCode() == 429) {
                limited++;
                last = r;
            }
        }
        assertTrue(limited >= 5, "only " + limited + " of 10 refused at 1/s with a burst of 3");
        ts.assertError(429, last);
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertEquals(200, ts.http.bearer(ts.server.demo().orElseThrow().kioskToken("lobby-1"))
                .post("/api/sync/push", new PushBatch("lobby-1", List.of())).statusCode(), "per kiosk, not for all");
        assertFalse(ts.http.get("/api/health").statusCode() == 429);
    }
}
