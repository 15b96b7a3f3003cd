package lobby.backoffice;

import static lobby.backoffice.TestServer.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted day at the demo site, every step at a set time, and the exact figures the managers
 * then read. Thursday 13 March: one visit; Friday 14 March: five tickets (one cancelled).
 */
class StatsRoutesIT {
    private static final String DAY = "/api/sites/demo/stats?period=day&date=2025-03-14";

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2025-03-13T02:00:00Z"), TestServer.CLOCK.getZone());
    private TestServer ts;
    private Http manager;

    @BeforeEach
    void start() {
        ts = TestServer.start(dir, o -> o.withClock(clock));
        script();
        manager = ts.as("manager");
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    private void at(String time, Http who, String ticket, String action) {
        clock.set(Instant.parse(time));
        var r = who.post("/api/tickets/" + ticket + "/" + action, "");
        assertEquals(200, r.statusCode(), time + " " + ticket + " " + action + ": " + r.body());
    }

    private void script() {
        Http chen = ts.as("adv-chen");
        // Thursday: t6 greeted at 15 s exactly (within the target), called at 60 s, served 10 min.
        ts.push(checkIn("t6", 1, VisitKind.MAINTENANCE, "adv-chen", Instant.parse("2025-03-13T02:00:00Z")));
        at("2025-03-13T02:00:15Z", chen, "t6", "acknowledge");
        at("2025-03-13T02:01:00Z", chen, "t6", "call");
        at("2025-03-13T02:02:00Z", chen, "t6", "start");
        at("2025-03-13T02:12:00Z", chen, "t6", "done");

        // Friday: a new day, new sessions (Thursday's have expired).
        clock.set(Instant.parse("2025-03-14T01:00:00Z"));
        chen = ts.as("adv-chen");
        Http li = ts.as("adv-li");
        Http huang = ts.as("adv-huang");
        Http boss = ts.as("manager");
        ts.push(checkIn("t1", 2, VisitKind.MAINTENANCE, "adv-chen", Instant.parse("2025-03-14T01:00:00Z")),
                checkIn("t3", 3, VisitKind.REPAIR, "adv-li", Instant.parse("2025-03-14T01:05:00Z")),
                checkIn("t2", 4, VisitKind.MAINTENANCE, "adv-chen", Instant.parse("2025-03-14T01:10:00Z")),
                checkIn("t4", 5, VisitKind.BREAKDOWN, "adv-li", Instant.parse("2025-03-14T01:20:00Z")),
                checkIn("t5", 6, VisitKind.ENQUIRY, null, Instant.parse("2025-03-14T01:30:00Z")),
                // Desk 1's button at 10 s: acknowledges t1, the only ticket lit there by then.
                KioskOp.event("op-lamp", TestServer.KIOSK, 7, KioskOp.Type.LAMP_ACKNOWLEDGED, null, "1",
                        Instant.parse("2025-03-14T01:00:10Z")));
        at("2025-03-14T01:00:30Z", chen, "t1", "call");
        at("2025-03-14T01:01:00Z", chen, "t1", "start");
        at("2025-03-14T01:21:00Z", chen, "t1", "done");
        at("2025-03-14T01:05:12Z", li, "t3", "call");
        at("2025-03-14T01:15:00Z", li, "t3", "no-show");
        at("2025-03-14T01:10:20Z", chen, "t2", "acknowledge");
        at("2025-03-14T01:22:00Z", chen, "t2", "call");
        at("2025-03-14T01:22:30Z", chen, "t2", "start");
        at("2025-03-14T01:32:30Z", chen, "t2", "done");
        at("2025-03-14T01:20:05Z", li, "t4", "acknowledge");
        clock.set(Instant.parse("2025-03-14T01:21:00Z"));
        assertEquals(200, li.post("/api/tickets/t4/transfer", Map.of("toAdvisorId", "adv-huang")).statusCode());
        at("2025-03-14T01:21:30Z", huang, "t4", "call");
        at("2025-03-14T01:22:00Z", huang, "t4", "start");
        at("2025-03-14T01:52:00Z", huang, "t4", "done");
        at("2025-03-14T01:31:00Z", boss, "t5", "cancel");
        clock.set(Instant.parse("2025-03-14T02:00:00Z"));
    }

    private JsonNode get(Http who, String path) {
        HttpResponse<String> r = who.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return ts.http.tree(r);
    }

    /** A row as "advisor kind visits ack call service share noShows", nulls as "-". */
    private static String line(JsonNode n) {
        List<String> cells = new ArrayList<>();
        for (String f : List.of("advisorId", "kind", "visits", "avgWaitToAckSeconds", "avgWaitToCallSeconds",
                "avgServiceSeconds", "greetedWithinTargetShare", "noShows")) {
            JsonNode v = n.get(f);
            if (v != null) {
                cells.add(v.isNull() ? "-" : v.asText());
            }
        }
        return String.join(" ", cells);
    }

    private static List<String> rows(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("rows").forEach(r -> out.add(line(r)));
        return out;
    }

    @Test
    void theDayPerAdvisorAndKindWithTransfersCountedForTheAdvisorWhoServed() {
        JsonNode day = get(manager, DAY);

        assertEquals("2025-03-14", day.get("from").asText());
        assertEquals("2025-03-14", day.get("to").asText());
        assertEquals(15, day.get("greetingTargetSeconds").asInt());
        assertEquals(List.of(
                "adv-chen MAINTENANCE 2 15.0 375.0 900.0 0.5 0",
                "adv-huang BREAKDOWN 1 5.0 90.0 1800.0 1.0 0",
                "adv-li REPAIR 1 - 12.0 - 1.0 1"), rows(day));
        assertEquals("陈志强", day.get("rows").get(0).get("advisorName").asText());
        assertEquals("4 11.7 213.0 1200.0 0.75 1", line(day.get("total")));
    }

    @Test
    void theWeekAndTheMonthAddThursdayAndListEachDay() {
        JsonNode week = get(ts.as("admin"), "/api/sites/demo/stats?period=week&date=2025-03-14");

        assertEquals("2025-03-10", week.get("from").asText());
        assertEquals("2025-03-16", week.get("to").asText());
        assertEquals(List.of(
                "adv-chen MAINTENANCE 3 15.0 270.0 800.0 0.667 0",
                "adv-huang BREAKDOWN 1 5.0 90.0 1800.0 1.0 0",
                "adv-li REPAIR 1 - 12.0 - 1.0 1"), rows(week));
        assertEquals("5 12.5 182.4 1050.0 0.8 1", line(week.get("total")));
        assertEquals(7, week.get("days").size());
        assertEquals("2025-03-13 1", week.get("days").get(3).get("date").asText() + " "
                + week.get("days").get(3).get("visits").asInt());
        assertEquals("0 - - - - 0", line(week.get("days").get(0)));

        JsonNode month = get(manager, "/api/sites/demo/stats?period=month&date=2025-03-02");
        assertEquals("2025-03-01 2025-03-31", month.get("from").asText() + " " + month.get("to").asText());
        assertEquals(line(week.get("total")), line(month.get("total")));
        assertEquals(31, month.get("days").size());
    }

    @Test
    void theGreetingTargetCanBeChangedForAQuestion() {
        JsonNode lenient = get(manager, DAY + "&targetSeconds=20");
        assertEquals("adv-chen MAINTENANCE 2 15.0 375.0 900.0 1.0 0", rows(lenient).get(0));
        assertEquals(1.0, lenient.get("total").get("greetedWithinTargetShare").asDouble());
    }

    @Test
    void theCsvHasAHeaderALinePerRowAndTheTotal() {
        HttpResponse<String> r = manager.get(DAY.replace("/stats?", "/stats.csv?"));

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("""
                \uFEFFfrom,to,advisorId,advisorName,kind,visits,avgWaitToAckSeconds,avgWaitToCallSeconds,\
                avgServiceSeconds,greetedWithinTargetShare,noShows\r
                2025-03-14,2025-03-14,adv-chen,陈志强,MAINTENANCE,2,15.0,375.0,900.0,0.5,0\r
                2025-03-14,2025-03-14,adv-huang,黄伟明,BREAKDOWN,1,5.0,90.0,1800.0,1.0,0\r
                2025-03-14,2025-03-14,adv-li,李晓婷,REPAIR,1,,12.0,,1.0,1\r
                2025-03-14,2025-03-14,TOTAL,,,4,11.7,213.0,1200.0,0.75,1\r
                """, r.body());
    }

    @Test
    void theKioskWaitEstimateUsesTheWeeksAverageServiceTime() {
        SiteSnapshot s = ts.kiosk.read(ts.kiosk.get("/api/sites/demo/snapshot"), SiteSnapshot.class);
        // 20, 10, 30 and 10 minutes: 17.5, rounded.
        assertEquals(18, s.receptionMinutes());
        clock.set(Instant.parse("2025-03-30T02:00:00Z"));
        assertEquals(8, ts.kiosk.read(ts.kiosk.get("/api/sites/demo/snapshot"), SiteSnapshot.class).receptionMinutes(),
                "older than a week: the default again");
    }

    @Test
    void statisticsAreForManagersAndAdminsAndCheckTheirQuestion() {
        ts.assertError(401, ts.http.get(DAY));
        ts.assertError(403, ts.as("adv-chen").get(DAY));
        ts.assertError(403, ts.kiosk.get(DAY));
        ts.assertError(400, manager.get("/api/sites/demo/stats?period=year"));
        ts.assertError(400, manager.get("/api/sites/demo/stats?date=14/03/2025"));
        ts.assertError(400, manager.get(DAY + "&targetSeconds=0"));
        ts.assertError(400, manager.get(DAY + "&targetSeconds=soon"));
        ts.assertError(403, manager.get("/api/sites/other/stats"));
    }
}
