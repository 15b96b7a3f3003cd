package lobby.backoffice;

import static lobby.backoffice.TestServer.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lobby.checkin.VisitKind;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Advisors work tickets through their life over HTTP: forward only, first contact owns, transfers recorded. */
class TicketLifecycleIT {
    private static final Instant EARLY = Instant.parse("2025-03-14T01:00:00Z");

    @TempDir
    Path dir;
    private TestServer ts;
    private Http chen;
    private Http li;
    private Http manager;

    @BeforeEach
    void start() {
        ts = TestServer.start(dir);
        chen = ts.as("adv-chen");
        li = ts.as("adv-li");
        manager = ts.as("manager");
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    private QueueEntry ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return ts.http.read(r, QueueEntry.class);
    }

    private static String act(String ticket, String action) {
        return "/api/tickets/" + ticket + "/" + action;
    }

    @Test
    void aTicketMovesFromWaitingToDoneAndEveryStepIsRecorded() {
        ts.push(checkIn("t1", 1, VisitKind.MAINTENANCE, "adv-chen", EARLY));

        assertEquals(false, ts.server.store().queue("demo", TestServer.DAY).orElseThrow().get(0).acknowledged());
        QueueEntry acknowledged = ok(chen.post(act("t1", "acknowledge"), ""));
        assertEquals("WAITING", acknowledged.status());
        assertEquals(true, acknowledged.acknowledged(), "the kiosk turns the desk's lamp off on this");
        QueueEntry called = ok(chen.post(act("t1", "call"), ""));
        assertEquals("CALLED", called.status());
        assertEquals(1, called.desk());
        assertEquals("CALLED", ok(chen.post(act("t1", "recall"), "")).status());
        assertEquals("SERVING", ok(chen.post(act("t1", "start"), "")).status());
        assertEquals("DONE", ok(chen.post(act("t1", "done"), "")).status());

        JsonNode events = ts.http.tree(chen.get(act("t1", "events")));
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("ISSUED", "LAMP_LIT", "ACKNOWLEDGED", "CALLED", "RECALLED", "STARTED", "DONE"), types);
        assertEquals(TestServer.KIOSK, events.get(0).get("actor").asText());
        assertEquals(EARLY.toString(), events.get(0).get("at").asText());
        assertEquals("adv-chen", events.get(3).get("actor").asText());
        assertEquals(TestServer.CLOCK.instant().toString(), events.get(3).get("at").asText());
        assertEquals("DONE", ts.queue().get(0).status());
    }

    @Test
    void aStatusOnlyMovesForwardIllegalStepsAre409AndChangeNothing() {
        ts.push(checkIn("t1", 1, VisitKind.MAINTENANCE, "adv-chen", EARLY));

        String early = ts.assertError(409, chen.post(act("t1", "start"), ""));
        assertTrue(early.contains("WAITING"), early);
        ts.assertError(409, chen.post(act("t1", "recall"), ""));
        ts.assertError(409, chen.post(act("t1", "done"), ""));
        ok(chen.post(act("t1", "call"), ""));
        ts.assertError(409, chen.post(act("t1", "call"), ""));
        ts.assertError(409, chen.post(act("t1", "done"), ""));
        ok(chen.post(act("t1", "start"), ""));
        ts.assertError(409, chen.post(act("t1", "no-show"), ""));
        ts.assertError(409, chen.post(act("t1", "cancel"), ""));
        ok(chen.post(act("t1", "done"), ""));
        String finished = ts.assertError(409, chen.post(act("t1", "call"), ""));
        assertTrue(finished.contains("DONE"), finished);
        ts.assertError(409, chen.post(act("t1", "transfer"), Map.of("toAdvisorId", "adv-li")));
        assertEquals("DONE", ts.queue().get(0).status());
    }

    @Test
    void noShowAndCancelEndATicketThatWasNeverServed() {
        ts.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-chen", EARLY), checkIn("t2", 2, VisitKind.REPAIR, "adv-chen", EARLY));

        ok(chen.post(act("t1", "call"), ""));
        assertEquals("NO_SHOW", ok(chen.post(act("t1", "no-show"), "")).status());
        assertEquals("CANCELLED", ok(chen.post(act("t2", "cancel"), "")).status());
        ts.assertError(409, chen.post(act("t2", "call"), ""));
    }

    @Test
    void anotherAdvisorsTicketIsTheirsUntilATransferWhichIsRecorded() {
        ts.push(checkIn("t1", 1, VisitKind.MAINTENANCE, "adv-chen", EARLY));

        String notYours = ts.assertError(403, li.post(act("t1", "call"), ""));
        assertTrue(notYours.contains("adv-chen"), notYours);
        ts.assertError(403, li.post(act("t1", "transfer"), Map.of("toAdvisorId", "adv-li")));

        QueueEntry moved = ok(chen.post(act("t1", "transfer"), Map.of("toAdvisorId", "adv-li")));
        assertEquals("adv-li", moved.advisorId());
        assertEquals(2, moved.desk());
        assertEquals("WAITING", moved.status());
        ts.assertError(403, chen.post(act("t1", "call"), ""));
        assertEquals(2, ok(li.post(act("t1", "call"), "")).desk());

        JsonNode transfer = ts.http.tree(li.get(act("t1", "events"))).get(2);
        assertEquals("TRANSFERRED", transfer.get("type").asText());
        assertEquals("adv-chen", transfer.get("fromAdvisorId").asText());
        assertEquals("adv-li", transfer.get("toAdvisorId").asText());
        assertEquals("adv-chen", transfer.get("actor").asText());
        ts.assertError(409, li.post(act("t1", "transfer"), Map.of("toAdvisorId", "adv-li")));
    }

    @Test
    void aManagerMayActOnAnyTicketOfTheSite() {
        ts.push(checkIn("t1", 1, VisitKind.MAINTENANCE, "adv-chen", EARLY));

        assertEquals(1, ok(manager.post(act("t1", "call"), "")).desk());
        assertEquals("adv-huang", ok(manager.post(act("t1", "transfer"), Map.of("toAdvisorId", "adv-huang"))).advisorId());
        assertEquals("NO_SHOW", ok(manager.post(act("t1", "no-show"), "")).status());
    }

    @Test
    void nobodysTicketGoesToTheFirstAdvisorWhoCallsIt() {
        ts.push(checkIn("t1", 1, VisitKind.ENQUIRY, null, EARLY));

        String noDesk = ts.assertError(409, manager.post(act("t1", "call"), ""));
        assertTrue(noDesk.contains("transfer"), noDesk);
        QueueEntry taken = ok(ts.as("adv-huang").post(act("t1", "call"), ""));
        assertEquals("adv-huang", taken.advisorId());
        assertEquals(3, taken.desk());
        ts.assertError(403, chen.post(act("t1", "start"), ""));
    }

    @Test
    void callNextTakesUrgentVisitsFirstThenArrivalsOwnAndNobodysOnly() {
        ts.push(checkIn("a", 1, VisitKind.MAINTENANCE, "adv-chen", EARLY),
                checkIn("b", 2, VisitKind.BREAKDOWN, "adv-chen", EARLY.plusSeconds(600)),
                checkIn("c", 3, VisitKind.REPAIR, null, EARLY.minusSeconds(600)),
                checkIn("d", 4, VisitKind.MAINTENANCE, "adv-li", EARLY.minusSeconds(1200)));

        List<String> called = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            QueueEntry e = ok(chen.post("/api/advisors/me/call-next", ""));
            assertEquals("adv-chen", e.advisorId());
            assertEquals("CALLED", e.status());
            called.add(e.ticketId());
        }
        assertEquals(List.of("b", "c", "a"), called);
        String none = ts.assertError(404, chen.post("/api/advisors/me/call-next", ""));
        assertTrue(none.contains("nobody waiting"), none);
        assertEquals("d", ok(li.post("/api/advisors/me/call-next", "")).ticketId());
        ts.assertError(403, manager.post("/api/advisors/me/call-next", ""));
    }

    @Test
    void unknownTicketsAndAdvisorsAre404AndBadBodies400() {
        ts.push(checkIn("t1", 1, VisitKind.MAINTENANCE, "adv-chen", EARLY));

        ts.assertError(404, chen.post(act("no-such-ticket", "call"), ""));
        ts.assertError(404, chen.get(act("no-such-ticket", "events")));
        ts.assertError(404, chen.post(act("t1", "transfer"), Map.of("toAdvisorId", "adv-nobody")));
        ts.assertError(400, chen.post(act("t1", "transfer"), "{}"));
        ts.assertError(400, chen.post(act("t1", "transfer"), "{\"toAdvisorId\": [1]}"));
        ts.assertError(400, chen.post(act("t1", "transfer"), "{\"toAdvisorId\": \"" + "x".repeat(65) + "\"}"));
        ts.assertError(400, chen.post(act("x".repeat(65), "call"), ""));
        assertNull(ts.queue().get(0).printProblem());
        assertEquals("WAITING", ts.queue().get(0).status());
    }
}
