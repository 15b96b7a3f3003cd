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
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.QueueEntry;

/** A back office on a free port with the demo site seeded into a test's temporary folder, and a client for it. */
final class TestServer implements AutoCloseable {
    /** 09:30 in Guangzhou on 14 March 2025. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final String KIOSK = "kiosk-1";

    final BackOfficeServer server;
    final Http http;

    private TestServer(BackOfficeServer server) {
        this.server = server;
        this.http = new Http(server.baseUrl());
    }

    static TestServer start(Path dataDir) {
        return new TestServer(BackOfficeServer.start(dataDir, 0, true, CLOCK));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A check-in at the demo site for its second booking. */
    static KioskOp op(String opId, long seq, String advisor, String plate) {
        return KioskOp.checkIn(opId, KIOSK, seq, new Ticket("t-" + opId, DemoSite.SITE_ID, KIOSK, DAY,
                "A00" + seq, VisitKind.MAINTENANCE, advisor, "20250314-02", plate, true,
                Instant.parse("2025-03-14T01:31:00Z").plusSeconds(seq), 8));
    }

    PushResult push(KioskOp... ops) {
        HttpResponse<String> r = http.post("/api/sync/push", new PushBatch(KIOSK, List.of(ops)));
        assertEquals(200, r.statusCode(), r.body());
        return http.read(r, PushResult.class);
    }

    List<QueueEntry> queue() {
        HttpResponse<String> r = http.get("/api/sites/demo/queue");
        assertEquals(200, r.statusCode(), r.body());
        return List.of(http.read(r, QueueEntry[].class));
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
