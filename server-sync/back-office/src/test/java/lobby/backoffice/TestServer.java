package lobby.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import lobby.backoffice.pg.TestDatabases;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.QueueEntry;

/**
 * A back office on a free port with the demo site seeded into a test's temporary folder, and
 * clients for it: {@link #http} without credentials, {@link #kiosk} with the demo kiosk's token,
 * {@link #as} logged in as a demo user.
 */
final class TestServer implements AutoCloseable {
    /** 09:30 in Guangzhou on 14 March 2025. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final String KIOSK = "demo-kiosk-1";
    /** The lowest cost Passwords accepts: logins in tests take microseconds, not 0.1 s each. */
    static final int TEST_ITERATIONS = 1_000;

    final BackOfficeServer server;
    final Http http;
    final Http kiosk;

    private TestServer(BackOfficeServer server) {
        this.server = server;
        this.http = new Http(server.baseUrl());
        this.kiosk = http.bearer(server.demo().orElseThrow().kioskToken(KIOSK));
    }

    static TestServer start(Path dataDir) {
        return start(dataDir, UnaryOperator.identity());
    }

    /** With options changed from the tests' defaults (fixed clock, demo seeded, cheap hashes). */
    static TestServer start(Path dataDir, UnaryOperator<ServerOptions> change) {
        return new TestServer(BackOfficeServer.start(change.apply(options(dataDir))));
    }

    /** On SQLite in dataDir, or on a fresh PostgreSQL database when the tests run on PostgreSQL (see {@link TestDatabases}). */
    static ServerOptions options(Path dataDir) {
        ServerOptions options = ServerOptions.defaults(dataDir).withPort(0).withSeedDemo(true).withClock(CLOCK)
                .withPasswordIterations(TEST_ITERATIONS);
        return TestDatabases.postgres()
                ? options.withPostgres(new ServerOptions.Postgres(TestDatabases.newPostgresDatabase(), null))
                : options;
    }

    /** A JDBC URL for looking into the server's database directly. */
    String jdbcUrl() {
        ServerOptions.Postgres pg = server.options().postgres();
        return pg != null ? pg.url() : "jdbc:sqlite:" + server.store().where();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Stops this server and starts another on the same data (file or database), as after a restart. */
    TestServer restart() {
        return restart(UnaryOperator.identity());
    }

    /** As {@link #restart()}, with options changed (a new epoch after a restore, say). */
    TestServer restart(UnaryOperator<ServerOptions> change) {
        close();
        return new TestServer(BackOfficeServer.start(change.apply(server.options())));
    }

    /** A client logged in as a demo user, with its session cookie. */
    Http as(String username) {
        HttpResponse<String> r = http.post("/api/login", Map.of("username", username, "password", DemoSite.PASSWORD));
        assertEquals(200, r.statusCode(), "login of " + username + ": " + r.body());
        return http.with("Cookie", sessionCookie(r));
    }

    static String sessionCookie(HttpResponse<String> login) {
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("lobby_session=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + login.headers().map()));
        return setCookie.split(";")[0];
    }

    /** A check-in at the demo site for its second booking. */
    static KioskOp op(String opId, long seq, String advisor, String plate) {
        return KioskOp.checkIn(opId, KIOSK, seq, new Ticket("t-" + opId, DemoSite.SITE_ID, KIOSK, DAY,
                "A00" + seq, VisitKind.MAINTENANCE, advisor, "20250314-02", plate, true,
                Instant.parse("2025-03-14T01:31:00Z").plusSeconds(seq), 8));
    }

    /** A check-in of any kind for any advisor (null: nobody on duty), op id derived from the ticket's. */
    static KioskOp checkIn(String ticketId, long seq, VisitKind kind, String advisor, Instant issuedAt) {
        return KioskOp.checkIn("op-" + ticketId, KIOSK, seq, new Ticket(ticketId, DemoSite.SITE_ID, KIOSK,
                issuedAt.atZone(CLOCK.getZone()).toLocalDate(), kind == VisitKind.BREAKDOWN ? "U00" + seq : "B00" + seq,
                kind, advisor, null, "粤A12345", false, issuedAt, 8));
    }

    PushResult push(KioskOp... ops) {
        return push(kiosk, KIOSK, List.of(ops));
    }

    /** A push by any kiosk, with that kiosk's client. */
    static PushResult push(Http kioskClient, String kioskId, List<KioskOp> ops) {
        HttpResponse<String> r = kioskClient.post("/api/sync/push", new PushBatch(kioskId, ops));
        assertEquals(200, r.statusCode(), r.body());
        return kioskClient.read(r, PushResult.class);
    }

    /** A client for another demo kiosk ({@link DemoSite#KIOSK_IDS}), with its token. */
    Http kiosk(String kioskId) {
        return http.bearer(server.demo().orElseThrow().kioskToken(kioskId));
    }

    List<QueueEntry> queue() {
        HttpResponse<String> r = kiosk.get("/api/sites/demo/queue");
        assertEquals(200, r.statusCode(), r.body());
        return List.of(kiosk.read(r, QueueEntry[].class));
    }

    /** Every refusal is a 4xx with a JSON {"error": "..."} that says something; returns that something. */
    String assertError(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
        JsonNode error = http.tree(r).get("error");
        assertTrue(error != null && error.isTextual() && !error.asText().isBlank(), r.body());
        return error.asText();
    }
}
