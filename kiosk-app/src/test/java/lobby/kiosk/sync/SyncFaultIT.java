package lobby.kiosk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import lobby.backoffice.BackOfficeServer;
import lobby.checkin.VisitKind;
import lobby.kiosk.Kiosk;
import lobby.kiosk.KioskConfig;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network between kiosk and back office misbehaves (a TCP proxy cuts it, loses answers,
 * answers 503): every check-in still arrives exactly once.
 */
class SyncFaultIT {
    private static final Duration DEADLINE = Duration.ofSeconds(40);

    @TempDir
    Path dir;
    private BackOfficeServer server;
    private FaultProxy proxy;
    private Kiosk kiosk;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.fixed(LocalDate.now().atTime(8, 20).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        server = BackOfficeServer.start(dir.resolve("backoffice"), 0, true, clock);
        proxy = new FaultProxy(server.port());
        Map<String, String> settings = new HashMap<>(Map.of("site", "demo", "kiosk", "lobby-1",
                "data", dir.resolve("kiosk").toString(), "backoffice", "http://127.0.0.1:" + proxy.port(),
                "scanner.driver", "none", "sync.interval-s", "1"));
        KioskTestTokens.add(server, "lobby-1", settings);
        kiosk = Kiosk.start(KioskConfig.from(settings), clock, line -> { });
    }

    @AfterEach
    void stop() throws Exception {
        kiosk.close();
        proxy.close();
        server.stop();
    }

    @Test
    void anAnswerLostAfterTheServerCommittedLeavesExactlyOneTicket() throws Exception {
        proxy.mode(FaultProxy.Mode.LOSE_RESPONSES);
        String id = walkIn();
        await(() -> proxy.lostResponses() > 0, "the push reached the server and its answer was lost");
        proxy.mode(FaultProxy.Mode.PASS);
        await(() -> kiosk.store().outbox().pendingCount() == 0, "the retry is acknowledged");
        assertEquals(1, count(id), "one ticket on the server");
    }

    @Test
    void checkInsMadeOfflineDrainAfterReconnectWithoutAnotherWrite() throws Exception {
        proxy.mode(FaultProxy.Mode.DOWN);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(walkIn());
        }
        assertEquals(3, kiosk.store().outbox().pendingCount());
        proxy.mode(FaultProxy.Mode.PASS);
        await(() -> kiosk.store().outbox().pendingCount() == 0, "the outbox drains on the timer");
        for (String id : ids) {
            assertEquals(1, count(id));
        }
    }

    @Test
    void aServerAnswering503ForAWhileStillGetsEverythingOnce() throws Exception {
        proxy.mode(FaultProxy.Mode.SERVER_ERROR);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(walkIn());
        }
        await(() -> !kiosk.sync().status().online(), "the kiosk notices");
        proxy.mode(FaultProxy.Mode.PASS);
        await(() -> kiosk.store().outbox().pendingCount() == 0, "drained after the outage");
        List<QueueEntry> queue = queue();
        for (String id : ids) {
            assertEquals(1, queue.stream().filter(q -> q.ticketId().equals(id)).count());
        }
        assertEquals(4, queue.size());
    }

    private String walkIn() {
        return ((ScanOutcome.Issued) kiosk.desk().walkIn(VisitKind.REPAIR, true, null)).ticket().id();
    }

    private long count(String ticketId) throws Exception {
        return queue().stream().filter(q -> q.ticketId().equals(ticketId)).count();
    }

    private List<QueueEntry> queue() throws Exception {
        return KioskTestTokens.queue(server);
    }

    private static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what + " within " + DEADLINE);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // poll interval
        }
    }
}
