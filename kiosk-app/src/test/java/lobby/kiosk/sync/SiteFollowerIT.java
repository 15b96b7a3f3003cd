package lobby.kiosk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import lobby.checkin.VisitKind;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.store.QueueStore;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk follows a real HTTP event stream: lamps go off when the advisor responds, duty changes arrive, it resumes. */
class SiteFollowerIT {
    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> streams = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> lampsOff = new LinkedBlockingQueue<>();
    private KioskStore store;

    @BeforeEach
    void start() throws Exception {
        store = KioskStore.open(dir.resolve("kiosk.db"));
        store.roster().replace(new SiteSnapshot("demo", "店", LocalDate.now(), Instant.now(), "a2V5", "",
                List.of(new Advisor("adv-li", "李晓婷", 2, 27, Duty.ON_DUTY), new Advisor("adv-chen", "陈志强", 1, 17,
                        Duty.ON_DUTY)), List.of(), List.of(), 0), Instant.now());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/sites/demo/events", exchange -> {
            lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            String body = streams.poll();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write((body == null ? ": nothing\n\n" : body).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        store.close();
    }

    @Test
    void advisorsResponseTurnsTheLampOffAndDutyChangesArriveAndTheStreamResumes() throws Exception {
        var issued = store.queue().checkIn(QueueStore.NewCheckIn.walkIn("demo", "k1", LocalDate.now(), Instant.now(),
                VisitKind.REPAIR, null, true));
        String ticketId = issued.ticket().id();
        streams.add(": keep-alive\n\n"
                + "id: 41\nevent: ticket\ndata: {\"ticketId\":\"" + ticketId + "\",\"number\":\"B001\",\"kind\":\"REPAIR\","
                + "\"advisorId\":\"adv-chen\",\"advisorName\":\"陈志强\",\"desk\":1,\"maskedPlate\":\"\",\"status\":\"WAITING\","
                + "\"issuedAt\":\"2026-11-22T01:00:00Z\",\"kioskId\":\"k1\",\"acknowledged\":true}\n\n"
                + "id: 42\nevent: advisor\ndata: {\"id\":\"adv-li\",\"name\":\"李晓婷\",\"desk\":2,\"lampPin\":27,"
                + "\"duty\":\"LUNCH\"}\n\n");
        streams.add("id: 43\nevent: ticket\ndata: {\"ticketId\":\"" + ticketId + "\",\"number\":\"B001\",\"kind\":\"REPAIR\","
                + "\"advisorId\":\"adv-chen\",\"advisorName\":\"陈志强\",\"desk\":1,\"maskedPlate\":\"\",\"status\":\"CALLED\","
                + "\"issuedAt\":\"2026-11-22T01:00:00Z\",\"kioskId\":\"k1\"}\n\n");
        try (SiteFollower follower = new SiteFollower(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "demo", () -> "token", null, store, new TicketFollower(store, lampsOff::add, desk -> { })).start()) {
            assertEquals(1, lampsOff.poll(10, TimeUnit.SECONDS), "acknowledged at the console: desk 1's lamp off");
            assertEquals(1, lampsOff.poll(10, TimeUnit.SECONDS), "called after the stream resumed");
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!store.meta("events.last-id").orElse("").equals("43") && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
        assertEquals(Duty.LUNCH, store.roster().advisor("adv-li").orElseThrow().duty());
        assertEquals("43", store.meta("events.last-id").orElseThrow());
        assertTrue(lastEventIds.size() >= 2 && lastEventIds.get(1).equals("42"),
                "the second connection resumed after 42: " + lastEventIds);
    }
}
