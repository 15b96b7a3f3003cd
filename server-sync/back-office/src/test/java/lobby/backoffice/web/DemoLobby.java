package lobby.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lobby.backoffice.BackOfficeServer;
import lobby.backoffice.DemoSite;
import lobby.backoffice.ServerOptions;

/**
 * The demo dealership on a back office of its own (free port, fresh SQLite file); its demo
 * kiosk checks customers in. Runs on the real clock: the pages compare times with the browser's.
 */
final class DemoLobby implements AutoCloseable {
    static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));
    static final String KIOSK = DemoSite.KIOSK_IDS.get(0);
    /** The demo's five logins are hashed at every start: cheaply here, as the API tests do. */
    static final int PASSWORD_ITERATIONS = 1_000;

    final BackOfficeServer server;
    final String base;
    final LocalDate day;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong issued = new AtomicLong();

    private DemoLobby(BackOfficeServer server) {
        this.server = server;
        this.base = server.baseUrl();
        this.day = LocalDate.now(CLOCK);
    }

    static DemoLobby start(Path dataDir) {
        return new DemoLobby(BackOfficeServer.start(ServerOptions.defaults(dataDir).withPort(0).withSeedDemo(true)
                .withClock(CLOCK).withPasswordIterations(PASSWORD_ITERATIONS)));
    }

    Api as(String username) {
        return Api.signedIn(base, username);
    }

    /** The demo kiosk, with its bearer token. */
    Api kiosk() {
        return Api.kiosk(base, server.demo().orElseThrow().kioskToken(KIOSK));
    }

    /** The display key the lobby TV's address carries. */
    String displayKey() {
        return server.demo().orElseThrow().displayKey();
    }

    /**
     * Checks a customer in through the kiosk's push, as the kiosk app does; returns the ticket
     * id. Issued a few seconds ago, each a little after the previous one, so call-next order is
     * the order of these calls.
     */
    String checkIn(String number, String kind, String advisorId, String plate) {
        String ticketId = UUID.randomUUID().toString();
        String opId = "op-" + UUID.randomUUID();
        Instant at = Instant.now(CLOCK).minusSeconds(8).plusMillis(issued.incrementAndGet());
        String body = """
                {"kioskId": "%s", "ops": [{"opId": "%s", "kioskId": "%s", "seq": %d, "type": "CHECK_IN",
                  "ticket": {"id": "%s", "siteId": "demo", "kioskId": "%s", "day": "%s", "number": "%s",
                    "kind": "%s", "advisorId": %s, "appointmentId": null, "plate": %s, "waitInLounge": true,
                    "issuedAt": "%s", "estimatedWaitMinutes": 5},
                  "ticketId": "%s", "detail": null, "at": "%s"}]}
                """.formatted(KIOSK, opId, KIOSK, seq.incrementAndGet(), ticketId, KIOSK, day, number, kind,
                advisorId == null ? "null" : Api.quote(advisorId), plate == null ? "null" : Api.quote(plate),
                at, ticketId, at);
        Api.Answer r = kiosk().post("/api/sync/push", body);
        assertTrue(r.status() == 200 && r.body().contains(opId), "push of " + number + ": " + r.status() + " " + r.body());
        return ticketId;
    }

    /** The acknowledge button at a desk, as the kiosk reports it: every lamp lit there goes off. */
    void deskButton(int desk) {
        String opId = "op-" + UUID.randomUUID();
        Instant at = Instant.now(CLOCK);
        String body = """
                {"kioskId": "%s", "ops": [{"opId": "%s", "kioskId": "%s", "seq": %d, "type": "LAMP_ACKNOWLEDGED",
                  "ticket": null, "ticketId": null, "detail": "%d", "at": "%s"}]}
                """.formatted(KIOSK, opId, KIOSK, seq.incrementAndGet(), desk, at);
        Api.Answer r = kiosk().post("/api/sync/push", body);
        assertTrue(r.status() == 200 && r.body().contains(opId), "desk button " + desk + ": " + r.status() + " " + r.body());
    }

    @Override
    public void close() {
        server.stop();
    }
}
