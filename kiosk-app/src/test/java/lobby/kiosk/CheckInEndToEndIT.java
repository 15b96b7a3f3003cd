package lobby.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import lobby.backoffice.BackOfficeServer;
import lobby.checkin.Appointment;
import lobby.checkin.VisitKind;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.kiosk.sync.KioskTestTokens;
import lobby.kiosk.sync.WireJson;
import lobby.printer.DecodedTicket;
import lobby.printer.FakePrinter;
import lobby.printer.PtyPair;
import lobby.sync.QueueEntry;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One check-in across every boundary on real parts: a scanned appointment QR payload, the
 * kiosk's SQLite store loaded from a real back office over HTTP, the ESC/POS ticket through jssc
 * into a pseudo-terminal read by a fake printer, the lamp on Pi4J's mock platform, and the
 * ticket pushed back to the back office's queue API.
 */
class CheckInEndToEndIT {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private BackOfficeServer server;
    private PtyPair pty;
    private FakePrinter printer;
    private Kiosk kiosk;
    private final List<String> deviceOutput = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        // 08:20 today: the first demo appointment (08:30) is on time whatever the hour the test runs.
        Clock clock = Clock.fixed(LocalDate.now().atTime(8, 20).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        server = BackOfficeServer.start(dir.resolve("backoffice"), 0, true, clock);
        pty = PtyPair.start(dir);
        printer = FakePrinter.attach(pty);
        Map<String, String> settings = new HashMap<>(Map.of(
                "site", "demo",
                "kiosk", "lobby-1",
                "data", dir.resolve("kiosk").toString(),
                "backoffice", server.baseUrl(),
                "devices", "hardware",
                "printer.port", pty.kioskPath().toString(),
                "lamps.driver", "mock",
                "scanner.driver", "none"));
        KioskTestTokens.add(server, "lobby-1", settings);
        kiosk = Kiosk.start(KioskConfig.from(settings), clock, deviceOutput::add);
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (printer != null) {
            printer.close();
        }
        if (pty != null) {
            pty.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void scannedAppointmentIsPrintedLitAndListedByTheBackOffice() throws Exception {
        var code = server.demo().orElseThrow().codes().get(0);
        SiteSnapshot snapshot = WireJson.read(get("/api/sites/demo/snapshot"), SiteSnapshot.class);
        Appointment booked = code.appointment();
        assertTrue(snapshot.appointments().contains(booked), "the kiosk loads it from the back office");

        ScanOutcome.Found found = assertInstanceOf(ScanOutcome.Found.class, kiosk.desk().scan(code.payload()));
        assertEquals(booked, found.appointment());
        ScanOutcome.Issued issued = assertInstanceOf(ScanOutcome.Issued.class, kiosk.desk().confirm(booked));

        assertEquals(booked.advisorId(), issued.advisor().id(), "the booked advisor");
        assertTrue(issued.print().printed(), issued.print().message());
        DecodedTicket paper = printer.awaitTicket(DEADLINE);
        assertTrue(paper.text().contains(issued.ticket().number()), paper.text());
        assertTrue(paper.text().contains(issued.advisor().name()), paper.text());
        assertTrue(paper.text().contains(issued.advisor().desk() + "号台"), paper.text());
        assertEquals(List.of(server.baseUrl() + "/t/" + issued.ticket().id()), paper.qrCodes());
        assertTrue(kiosk.lamps().isLit(issued.advisor().desk()), "lamp of desk " + issued.advisor().desk());

        QueueEntry listed = awaitInQueue(issued.ticket().id());
        assertEquals(issued.advisor().name(), listed.advisorName());
        assertEquals(issued.advisor().desk(), listed.desk());
        assertEquals(issued.ticket().number(), listed.number());
    }

    @Test
    void walkInTakesTheSamePathWithTheAdvisorWhoseTurnItIs() throws Exception {
        ScanOutcome.Issued first = assertInstanceOf(ScanOutcome.Issued.class,
                kiosk.desk().walkIn(VisitKind.REPAIR, true, null));
        ScanOutcome.Issued second = assertInstanceOf(ScanOutcome.Issued.class,
                kiosk.desk().walkIn(VisitKind.ENQUIRY, false, null));

        assertEquals(1, first.advisor().desk(), "the first turn of the day is desk 1's");
        assertEquals(2, second.advisor().desk(), "then desk 2's");
        assertTrue(printer.awaitTicket(DEADLINE).text().contains(first.ticket().number()));
        assertTrue(printer.awaitTicket(DEADLINE).text().contains(second.ticket().number()));
        assertTrue(kiosk.lamps().isLit(1) && kiosk.lamps().isLit(2));
        assertEquals(first.advisor().name(), awaitInQueue(first.ticket().id()).advisorName());
        assertEquals(second.advisor().name(), awaitInQueue(second.ticket().id()).advisorName());
    }

    @Test
    void unknownCodeAndUnknownPlateGetAMessageAndTheWalkInPathNotAStackTrace() {
        var foreign = assertInstanceOf(ScanOutcome.Refused.class, kiosk.desk().scan("https://example.com/pay?id=1"));
        assertTrue(foreign.why().english().contains("walk-in"), foreign.why().english());
        var plate = assertInstanceOf(ScanOutcome.Refused.class, kiosk.desk().scan("粤B99999"));
        assertEquals("粤B99999", plate.plate());
        assertEquals(0, printer.ticketsWaiting());
    }

    private QueueEntry awaitInQueue(String ticketId) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            QueueEntry[] queue = WireJson.read(get("/api/sites/demo/queue"), QueueEntry[].class);
            for (QueueEntry e : queue) {
                if (e.ticketId().equals(ticketId)) {
                    return e;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // poll interval, not a wait for an event
        }
        fail("ticket " + ticketId + " not in the back office queue within " + DEADLINE + "; kiosk sync: "
                + kiosk.sync().status());
        return null;
    }

    private String get(String path) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        KioskTestTokens.authorize(server, req);
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        return res.body();
    }
}
