package lobby.backoffice;

import static lobby.backoffice.TestServer.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import lobby.backoffice.live.SiteEvents;
import lobby.checkin.VisitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server-sent events per site: pushed check-ins, calls and duty changes arrive live; a reconnect resumes. */
class EventsIT {
    private static final String EVENTS = "/api/sites/demo/events";
    private static final Instant EARLY = Instant.parse("2025-03-14T01:00:00Z");

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

    private JsonNode json(SseReader.Event e) {
        try {
            return ts.http.json.readTree(e.data());
        } catch (Exception ex) {
            throw new AssertionError("not JSON: " + e, ex);
        }
    }

    @Test
    void aPushedCheckInACallAndADutyChangeArriveWithIncreasingIds() throws Exception {
        Http chen = ts.as("adv-chen");
        try (SseReader sse = SseReader.open(chen, EVENTS, null)) {
            ts.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-chen", EARLY));
            SseReader.Event issued = sse.next();
            assertEquals("ticket", issued.name());
            assertEquals("t1", json(issued).get("ticketId").asText());
            assertEquals("WAITING", json(issued).get("status").asText());
            assertEquals("粤A·***45", json(issued).get("maskedPlate").asText());

            assertEquals(200, chen.post("/api/tickets/t1/call", "").statusCode());
            SseReader.Event ticket = sse.next();
            SseReader.Event call = sse.next();
            assertEquals("CALLED", json(ticket).get("status").asText());
            assertEquals("call", call.name());
            assertEquals(1, json(call).get("desk").asInt());
            assertEquals("B001", json(call).get("number").asText());
            assertTrue(!json(call).get("recall").asBoolean());

            assertEquals(200, chen.post("/api/advisors/me/duty", Map.of("duty", "BREAK")).statusCode());
            SseReader.Event advisor = sse.next();
            assertEquals("advisor", advisor.name());
            assertEquals("BREAK", json(advisor).get("duty").asText());

            long a = Long.parseLong(issued.id());
            assertTrue(a < Long.parseLong(ticket.id()) && Long.parseLong(ticket.id()) < Long.parseLong(call.id())
                    && Long.parseLong(call.id()) < Long.parseLong(advisor.id()), issued + " " + ticket + " " + call);
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsExactlyWhatItMissed() throws Exception {
        String key = ts.server.demo().orElseThrow().displayKey();
        Http board = ts.http;
        String lastSeen;
        try (SseReader sse = SseReader.open(board, EVENTS + "?key=" + key, null)) {
            ts.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-chen", EARLY));
            lastSeen = sse.next("ticket").id();
        }
        ts.push(checkIn("t2", 2, VisitKind.REPAIR, "adv-li", EARLY), checkIn("t3", 3, VisitKind.PICKUP, "adv-li", EARLY));

        try (SseReader sse = SseReader.open(board, EVENTS + "?key=" + key, lastSeen)) {
            SseReader.Event second = sse.next();
            SseReader.Event third = sse.next();
            assertEquals("t2", json(second).get("ticketId").asText());
            assertEquals("t3", json(third).get("ticketId").asText());
            assertEquals(Long.parseLong(lastSeen) + 1, Long.parseLong(second.id()));
            ts.push(checkIn("t4", 4, VisitKind.REPAIR, "adv-li", EARLY));
            assertEquals("t4", json(sse.next()).get("ticketId").asText(), "and then live again");
        }
    }

    @Test
    void anIdTooOldForTheBufferGetsTheCurrentStateInstead() throws Exception {
        ts.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-chen", EARLY));
        // Event 1 was committed before anyone followed the site, so no replay buffer holds it.
        try (SseReader sse = SseReader.open(ts.kiosk, EVENTS, "0")) {
            Set<String> tickets = new HashSet<>();
            Set<String> advisors = new HashSet<>();
            String id = null;
            for (int i = 0; i < 4; i++) {
                SseReader.Event e = sse.next();
                (e.name().equals("ticket") ? tickets : advisors).add(json(e).get(e.name().equals("ticket")
                        ? "ticketId" : "id").asText());
                id = id == null ? e.id() : id;
                assertEquals(id, e.id(), "the state carries the latest id");
            }
            assertEquals(Set.of("t1"), tickets);
            assertEquals(Set.of("adv-chen", "adv-li", "adv-huang"), advisors);
        }
    }

    @Test
    void theStreamNeedsCredentialsItsSiteAndTheEventStreamType() {
        ts.assertError(401, ts.http.with("Accept", "text/event-stream").get(EVENTS));
        ts.assertError(401, ts.http.with("Accept", "text/event-stream").get(EVENTS + "?key=wrong"));
        ts.assertError(406, ts.kiosk.get(EVENTS));
        ts.assertError(403, ts.kiosk.with("Accept", "text/event-stream").get("/api/sites/elsewhere/events"));
        ts.assertError(400, ts.kiosk.with("Accept", "text/event-stream").with("Last-Event-ID", "yesterday").get(EVENTS));
        assertEquals(0, ts.server.events().subscribers("demo"));
        assertTrue(SiteEvents.REPLAY_EVENTS >= 100);
    }
}
