package lobby.backoffice;

import static lobby.backoffice.TestServer.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;
import lobby.sync.PushResult;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kiosks offline while an advisor went on a break both send customers to her. The server
 * moves those tickets to advisors on duty, and which kiosk pushes first makes no difference.
 */
class ReassignmentRoutesIT {
    private static final Instant OFFLINE = Instant.parse("2025-03-14T01:10:00Z");

    @TempDir
    Path dir;

    private static KioskOp checkIn(String kiosk, String ticketId, String number) {
        return KioskOp.checkIn("op-" + ticketId, kiosk, 1, new Ticket(ticketId, DemoSite.SITE_ID, kiosk, DAY, number,
                VisitKind.REPAIR, "adv-li", null, null, false, OFFLINE, 8));
    }

    /** Puts adv-li on a break, then pushes each kiosk's check-in in the order given; the advisor chosen per ticket. */
    private static Map<String, String> scenario(Path dataDir, List<String> kioskOrder) {
        try (TestServer ts = TestServer.start(dataDir)) {
            assertEquals(200, ts.as("adv-li").post("/api/advisors/me/duty", Map.of("duty", "BREAK")).statusCode());
            Map<String, KioskOp> ops = Map.of(
                    TestServer.KIOSK, checkIn(TestServer.KIOSK, "t-kiosk-1", "B101"),
                    "lobby-1", checkIn("lobby-1", "t-lobby-1", "B201"));
            Map<String, String> chosen = new LinkedHashMap<>();
            for (String kiosk : kioskOrder) {
                KioskOp op = ops.get(kiosk);
                PushResult r = TestServer.push(ts.kiosk(kiosk), kiosk, List.of(op));
                assertEquals(List.of(op.opId()), r.applied(), r.toString());
                PushResult.Reassignment moved = r.reassigned().get(0);
                assertEquals(op.ticketId(), moved.ticketId());
                assertEquals("adv-li is on BREAK", moved.reason());
                assertTrue(List.of("adv-chen", "adv-huang").contains(moved.advisorId()), moved.toString());
                chosen.put(op.ticketId(), moved.advisorId());
            }
            for (QueueEntry e : ts.queue()) {
                assertEquals(chosen.get(e.ticketId()), e.advisorId(), "the queue shows the advisor the server chose");
            }
            Http manager = ts.as("manager");
            for (Map.Entry<String, String> c : chosen.entrySet()) {
                JsonNode events = manager.tree(manager.get("/api/tickets/" + c.getKey() + "/events"));
                JsonNode transfer = events.get(events.size() - 1);
                assertEquals("TRANSFERRED", transfer.get("type").asText(), events.toString());
                assertEquals("server", transfer.get("actor").asText());
                assertEquals("adv-li", transfer.get("fromAdvisorId").asText());
                assertEquals(c.getValue(), transfer.get("toAdvisorId").asText());
                assertEquals("adv-li is on BREAK", transfer.get("detail").asText());
            }
            return chosen;
        }
    }

    @Test
    void ticketsForAnAdvisorOnABreakGoToTheSameAdvisorsOnDutyWhicheverKioskPushesFirst() {
        Map<String, String> oneWay = scenario(dir.resolve("a"), List.of(TestServer.KIOSK, "lobby-1"));
        Map<String, String> otherWay = scenario(dir.resolve("b"), List.of("lobby-1", TestServer.KIOSK));

        assertEquals(oneWay, otherWay);
    }

    @Test
    void aCheckInForAnAdvisorOnDutyIsKept() {
        try (TestServer ts = TestServer.start(dir)) {
            PushResult r = ts.push(TestServer.checkIn("t1", 1, VisitKind.REPAIR, "adv-li", OFFLINE));
            assertEquals(List.of(), r.reassigned());
            assertEquals("adv-li", ts.queue().get(0).advisorId());
        }
    }
}
