package lobby.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster over HTTP: who is on duty, and the counter never left empty. */
class AdvisorRoutesIT {
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

    private List<Advisor> roster() {
        return List.of(ts.kiosk.read(ts.kiosk.get("/api/sites/demo/advisors"), Advisor[].class));
    }

    private static Map<String, String> duty(Duty d) {
        return Map.of("duty", d.name());
    }

    @Test
    void theRosterIsListedForStaffKiosksAndTheBoard() {
        assertEquals(List.of("adv-chen", "adv-li", "adv-huang"), roster().stream().map(Advisor::id).toList());
        assertEquals(200, ts.as("adv-li").get("/api/sites/demo/advisors").statusCode());
        String key = ts.server.demo().orElseThrow().displayKey();
        assertEquals(200, ts.http.get("/api/sites/demo/advisors?key=" + key).statusCode());
        ts.assertError(401, ts.http.get("/api/sites/demo/advisors"));
        ts.assertError(403, ts.kiosk.get("/api/sites/elsewhere/advisors"));
    }

    @Test
    void advisorsSetTheirOwnDutyAndAManagerAnyones() {
        Http chen = ts.as("adv-chen");
        Http manager = ts.as("manager");

        Advisor onBreak = ts.http.read(chen.post("/api/advisors/adv-chen/duty", duty(Duty.BREAK)), Advisor.class);
        assertEquals(Duty.BREAK, onBreak.duty());
        assertEquals(1, onBreak.desk());
        String notYours = ts.assertError(403, chen.post("/api/advisors/adv-li/duty", duty(Duty.LUNCH)));
        assertTrue(notYours.contains("only their own"), notYours);
        assertEquals(Duty.LUNCH, ts.http.read(manager.post("/api/advisors/adv-li/duty", duty(Duty.LUNCH)), Advisor.class)
                .duty());
        assertEquals(Duty.ON_DUTY, ts.http.read(chen.post("/api/advisors/me/duty", duty(Duty.ON_DUTY)), Advisor.class)
                .duty());
        assertEquals(List.of(Duty.ON_DUTY, Duty.LUNCH, Duty.ON_DUTY), roster().stream().map(Advisor::duty).toList());
    }

    @Test
    void theLastAdvisorOnDutyCannotLeaveTheCounterEmpty() {
        Http manager = ts.as("manager");
        Http huang = ts.as("adv-huang");
        assertEquals(200, manager.post("/api/advisors/adv-chen/duty", duty(Duty.LUNCH)).statusCode());
        assertEquals(200, manager.post("/api/advisors/adv-li/duty", duty(Duty.OFF)).statusCode());

        String refused = ts.assertError(409, huang.post("/api/advisors/me/duty", duty(Duty.LUNCH)));
        assertTrue(refused.contains("never left empty"), refused);
        ts.assertError(409, manager.post("/api/advisors/adv-huang/duty", duty(Duty.BREAK)));
        assertEquals(List.of(Duty.LUNCH, Duty.OFF, Duty.ON_DUTY), roster().stream().map(Advisor::duty).toList());

        assertEquals(200, manager.post("/api/advisors/adv-li/duty", duty(Duty.ON_DUTY)).statusCode());
        assertEquals(200, huang.post("/api/advisors/me/duty", duty(Duty.LUNCH)).statusCode());
        assertEquals(200, manager.post("/api/advisors/adv-chen/duty", duty(Duty.BREAK)).statusCode(),
                "not on duty before: leaving nobody is not its doing");
    }

    @Test
    void badDutyRequestsAre400AndUnknownAdvisors404() {
        Http manager = ts.as("manager");
        ts.assertError(400, manager.post("/api/advisors/adv-li/duty", "{\"duty\": \"NAP\"}"));
        ts.assertError(400, manager.post("/api/advisors/adv-li/duty", "{}"));
        ts.assertError(400, manager.post("/api/advisors/adv-li/duty", "{\"duty\": 3.5}"));
        ts.assertError(400, manager.post("/api/advisors/me/duty", duty(Duty.BREAK)));
        ts.assertError(404, manager.post("/api/advisors/adv-nobody/duty", duty(Duty.BREAK)));
        ts.assertError(403, ts.as("admin").post("/api/advisors/adv-li/duty", duty(Duty.BREAK)));
    }
}
