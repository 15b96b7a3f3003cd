package lobby.backoffice;

import static lobby.backoffice.TestServer.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lobby.checkin.VisitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins, sessions, tokens and keys; and every endpoint's roles: 401 without credentials, 403 for the wrong role. */
class AccessIT {
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

    private HttpResponse<String> login(String username, String password) {
        return ts.http.post("/api/login", Map.of("username", username, "password", password));
    }

    @Test
    void aLoginGivesAStrictHttpOnlySessionCookieUntilLogout() {
        HttpResponse<String> r = login("adv-li", DemoSite.PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode me = ts.http.tree(r);
        assertEquals("adv-li", me.get("username").asText());
        assertEquals("李晓婷", me.get("name").asText());
        assertEquals("ADVISOR", me.get("role").asText());
        assertEquals("adv-li", me.get("advisorId").asText());
        assertEquals("demo", me.get("siteId").asText());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        for (String part : List.of("lobby_session=", "HttpOnly", "SameSite=Strict", "Path=/")) {
            assertTrue(setCookie.contains(part), setCookie);
        }
        assertFalse(setCookie.contains("Secure"), "plain HTTP on loopback: " + setCookie);

        Http li = ts.http.with("Cookie", TestServer.sessionCookie(r));
        assertEquals(me, ts.http.tree(li.get("/api/me")));
        assertEquals(204, li.post("/api/logout", "").statusCode());
        ts.assertError(401, li.get("/api/me"));
        assertEquals(204, ts.http.post("/api/logout", "").statusCode(), "logging out twice is fine");
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSame401() {
        String wrong = ts.assertError(401, login("manager", "demo-pass-2"));
        assertEquals(wrong, ts.assertError(401, login("nobody", DemoSite.PASSWORD)));
        ts.assertError(400, ts.http.post("/api/login", "{\"username\": \"manager\"}"));
        ts.assertError(400, ts.http.post("/api/login", Map.of("username", "manager", "password", "x".repeat(257))));
        ts.assertError(400, ts.http.post("/api/login", "[\"manager\", \"demo-pass-1\"]"));
        ts.assertError(401, ts.http.with("Cookie", "lobby_session=forged").get("/api/me"));
        ts.assertError(401, ts.http.with("Authorization", "Basic YWRtaW46ZGVtbw==").get("/api/me"));
        ts.assertError(401, ts.http.bearer("not-a-token").get("/api/me"));
        assertEquals("KIOSK", ts.http.tree(ts.kiosk.get("/api/me")).get("role").asText());
    }

    @Test
    void guessingPasswordsFromOneAddressIsSlowedTo429() {
        int limited = 0;
        for (int i = 0; i < BackOfficeServer.ATTEMPTS_BURST + 10; i++) {
            int status = login("manager", "guess-" + i).statusCode();
            assertTrue(status == 401 || status == 429, "attempt " + i + ": " + status);
            limited += status == 429 ? 1 : 0;
        }
        assertTrue(limited >= 5, limited + " refused");
    }

    @Test
    void theDatabaseHoldsNoSecretInClear() throws Exception {
        HttpResponse<String> r = login("admin", DemoSite.PASSWORD);
        String session = TestServer.sessionCookie(r).substring("lobby_session=".length());
        String token = ts.server.demo().orElseThrow().kioskToken(TestServer.KIOSK);
        String key = ts.server.demo().orElseThrow().displayKey();
        try (Connection c = DriverManager.getConnection(ts.jdbcUrl());
             Statement s = c.createStatement()) {
            StringBuilder all = new StringBuilder();
            for (String q : List.of("SELECT token_sha256 FROM sessions", "SELECT token_sha256 FROM kiosks",
                    "SELECT key_sha256 FROM display_keys", "SELECT password_hash FROM users")) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        all.append(rs.getString(1)).append('\n');
                    }
                }
            }
            for (String secret : List.of(session, token, key, DemoSite.PASSWORD)) {
                assertFalse(all.toString().contains(secret), "stored in clear: " + secret);
            }
            assertTrue(all.toString().contains("pbkdf2-sha256$" + TestServer.TEST_ITERATIONS + "$"), all.toString());
        }
    }

    private record Endpoint(String method, String path, String body, Set<String> roles) {
    }

    private static final Set<String> ALL = Set.of("ADVISOR", "MANAGER", "ADMIN", "KIOSK", "DISPLAY");

    private static List<Endpoint> endpoints() {
        String push = "{\"kioskId\": \"demo-kiosk-1\", \"ops\": []}";
        List<Endpoint> out = new ArrayList<>(List.of(
                new Endpoint("GET", "/api/health", null, Set.of("ANYONE")),
                new Endpoint("GET", "/api/me", null, ALL),
                new Endpoint("GET", "/api/sites/demo/snapshot", null, Set.of("KIOSK", "ADMIN")),
                new Endpoint("GET", "/api/sites/demo/queue", null, Set.of("KIOSK", "ADVISOR", "MANAGER", "ADMIN")),
                new Endpoint("POST", "/api/sync/push", push, Set.of("KIOSK")),
                new Endpoint("POST", "/api/tickets/t1/transfer", "{\"toAdvisorId\": \"adv-chen\"}",
                        Set.of("ADVISOR", "MANAGER")),
                new Endpoint("GET", "/api/tickets/t1/status", null, Set.of("ANYONE")),
                new Endpoint("GET", "/api/tickets/t1/events", null, Set.of("ADVISOR", "MANAGER", "ADMIN")),
                new Endpoint("POST", "/api/advisors/me/call-next", "", Set.of("ADVISOR")),
                new Endpoint("POST", "/api/advisors/adv-chen/duty", "{\"duty\": \"ON_DUTY\"}", Set.of("ADVISOR", "MANAGER")),
                new Endpoint("GET", "/api/sites/demo/advisors", null, ALL),
                new Endpoint("GET", "/api/sites/demo/board", null, ALL),
                new Endpoint("GET", "/api/sites/demo/events", null, ALL),
                new Endpoint("GET", "/api/sites/demo/stats", null, Set.of("MANAGER", "ADMIN")),
                new Endpoint("GET", "/api/sites/demo/stats.csv", null, Set.of("MANAGER", "ADMIN")),
                new Endpoint("POST", "/api/kiosks/enrolment-codes", "{\"siteId\": \"demo\", \"kioskId\": \"k9\"}",
                        Set.of("ADMIN")),
                new Endpoint("POST", "/api/kiosks/enrol", "{\"code\": \"x\", \"kioskId\": \"k9\"}", Set.of("ANYONE")),
                new Endpoint("DELETE", "/api/kiosks/k-none/token", null, Set.of("ADMIN")),
                new Endpoint("POST", "/api/kiosks/demo-kiosk-1/heartbeat", "{}", Set.of("KIOSK")),
                new Endpoint("GET", "/api/sites/demo/kiosks", null, Set.of("ADMIN", "MANAGER")),
                new Endpoint("GET", "/api/sites/demo/appointments", null, Set.of("ADVISOR", "MANAGER", "ADMIN")),
                new Endpoint("POST", "/api/sites/demo/appointments", "{\"day\": \"2025-03-15\", \"time\": \"09:00\","
                        + " \"plate\": \"粤A8K2M6\", \"kind\": \"REPAIR\"}", Set.of("MANAGER", "ADMIN")),
                new Endpoint("POST", "/api/sites/demo/appointments/import", "id,day,time,plate,customer_name,kind,advisor_id\n",
                        Set.of("MANAGER", "ADMIN")),
                new Endpoint("GET", "/api/sites/demo/appointments/20250314-01", null, Set.of("MANAGER", "ADMIN")),
                new Endpoint("GET", "/api/sites/demo/appointments/20250314-01/qr.png", null, Set.of("MANAGER", "ADMIN"))));
        for (String action : List.of("acknowledge", "call", "recall", "start", "done", "no-show", "cancel")) {
            out.add(new Endpoint("POST", "/api/tickets/t1/" + action, "", Set.of("ADVISOR", "MANAGER")));
        }
        return out;
    }

    @Test
    void everyEndpointAdmitsItsRolesOnly401WithoutCredentials403ForTheWrongRole() {
        ts.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-chen", Instant.parse("2025-03-14T01:00:00Z")));
        Map<String, Http> callers = new LinkedHashMap<>();
        callers.put("ANONYMOUS", ts.http);
        callers.put("ADVISOR", ts.as("adv-chen"));
        callers.put("MANAGER", ts.as("manager"));
        callers.put("ADMIN", ts.as("admin"));
        callers.put("KIOSK", ts.kiosk);
        String key = ts.server.demo().orElseThrow().displayKey();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : endpoints()) {
            for (Map.Entry<String, Http> caller : callers.entrySet()) {
                checked += check(e, caller.getKey(), caller.getValue(), e.path(), wrong);
            }
            String withKey = e.path() + (e.path().contains("?") ? "&" : "?") + "key=" + key;
            checked += check(e, "DISPLAY", ts.http, withKey, wrong);
        }
        assertEquals(List.of(), wrong);
        assertEquals(32 * 6, checked);
    }

    private static int check(Endpoint e, String role, Http client, String path, List<String> wrong) {
        HttpResponse<String> r = client.send(e.method(), path, e.body());
        boolean open = e.roles().contains("ANYONE");
        int expected = open || e.roles().contains(role) ? 0 : role.equals("ANONYMOUS") ? 401 : 403;
        // An open endpoint may still say 401 about what it checks itself (an enrolment code).
        boolean right = r.statusCode() < 500 && (expected != 0 ? r.statusCode() == expected
                : open || r.statusCode() != 401 && r.statusCode() != 403);
        if (!right) {
            wrong.add(role + " " + e.method() + " " + e.path() + " -> " + r.statusCode() + " " + r.body());
        }
        return 1;
    }
}
