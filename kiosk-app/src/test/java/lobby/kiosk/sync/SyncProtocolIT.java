package lobby.kiosk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import lobby.backoffice.BackOfficeServer;
import lobby.backoffice.ServerOptions;
import lobby.backoffice.store.Actor;
import lobby.checkin.Duty;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.kiosk.Kiosk;
import lobby.kiosk.KioskConfig;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.sync.KioskOp;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync protocol's hard cases against a real back office, through TCP proxies that cut the
 * network: a kiosk clock that is wrong, stuck or running backwards (fault test 6); a back office
 * restored from an older backup (7); two kiosks offline checking customers in for the same
 * advisor, who is gone by the time they reconnect (8).
 */
class SyncProtocolIT {
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final Actor MANAGER = Actor.manager("manager", "demo");

    @TempDir
    Path dir;
    /** The back office's clock: this morning at 08:20, ticking. */
    private final Clock serverClock = Clock.offset(Clock.systemDefaultZone(), Duration.between(Instant.now(),
            LocalDate.now().atTime(8, 20).atZone(ZoneId.systemDefault()).toInstant()));
    private BackOfficeServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() {
        server = BackOfficeServer.start(options(0, false));
    }

    private ServerOptions options(int port, boolean newEpoch) {
        return ServerOptions.defaults(dir.resolve("backoffice")).withPort(port).withSeedDemo(true).withClock(serverClock)
                .withKioskRateLimit(Double.POSITIVE_INFINITY, 1).withNewEpoch(newEpoch);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        server.stop();
    }

    private FaultProxy proxy() throws IOException {
        FaultProxy p = new FaultProxy(server.port());
        open.add(p);
        return p;
    }

    private Kiosk kiosk(String kioskId, FaultProxy proxy, Clock wall) {
        Map<String, String> settings = new HashMap<>(Map.of("site", "demo", "kiosk", kioskId,
                "data", dir.resolve("kiosk-" + kioskId).toString(), "backoffice", "http://127.0.0.1:" + proxy.port(),
                "scanner.driver", "none", "sync.interval-s", "1"));
        KioskTestTokens.add(server, kioskId, settings);
        Kiosk k = Kiosk.start(KioskConfig.from(settings), wall, line -> { });
        open.add(k);
        return k;
    }

    private static Ticket walkIn(Kiosk k) {
        return ((ScanOutcome.Issued) k.desk().walkIn(VisitKind.REPAIR, true, null)).ticket();
    }

    @Test
    void aKioskClockAnHourOffStuckOrGoingBackwardsOrdersNothingWrongly() throws Exception {
        FaultProxy proxy = proxy();
        AtomicReference<Instant> wallTime = new AtomicReference<>(serverClock.instant().minus(Duration.ofHours(1)));
        Clock wall = new Clock() {
            @Override
            public Instant instant() {
                return wallTime.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneId.systemDefault();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        Kiosk online = kiosk("lobby-1", proxy, wall);
        Ticket first = walkIn(online);
        assertTrue(Duration.between(serverClock.instant(), first.issuedAt()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "an hour-slow Pi stamps the back office's time once it has heard it: " + first.issuedAt());
        await(() -> online.store().outbox().pendingCount() == 0, "the first check-in pushed");
        online.close();
        open.remove(online);

        // Restarted with the network down: the clock cannot be checked, and it is stuck, then jumps back.
        proxy.mode(FaultProxy.Mode.DOWN);
        Kiosk offline = kiosk("lobby-1", proxy, wall);
        List<Ticket> later = new ArrayList<>();
        later.add(walkIn(offline));
        later.add(walkIn(offline));
        wallTime.set(wallTime.get().minus(Duration.ofHours(2)));
        later.add(walkIn(offline));
        later.add(walkIn(offline));
        List<KioskOp> ops = offline.store().outbox().pending(100);
        assertEquals(4, ops.size());
        for (int i = 0; i < ops.size(); i++) {
            assertFalse(ops.get(i).clockSynced(), "flagged: the clock was not checked since start");
            if (i > 0) {
                assertTrue(ops.get(i).hlc().compareTo(ops.get(i - 1).hlc()) > 0,
                        "stamps keep increasing with the wall clock stuck and going back: " + ops);
            }
        }

        proxy.mode(FaultProxy.Mode.PASS);
        await(() -> offline.store().outbox().pendingCount() == 0, "drained after reconnecting");
        List<String> expected = new ArrayList<>(List.of(first.id()));
        later.forEach(t -> expected.add(t.id()));
        List<String> order = queue().stream().map(QueueEntry::ticketId).filter(expected::contains).toList();
        assertEquals(expected, order, "the queue keeps the order the customers came in");

        // The advisor calls the second customer: the kiosk follows, and no late event takes it back.
        String called = later.get(0).id();
        String advisor = queue().stream().filter(q -> q.ticketId().equals(called)).findFirst().orElseThrow().advisorId();
        done(server.store().desk().call(called, Actor.advisor(advisor, "demo", advisor)));
        await(() -> "CALLED".equals(offline.store().queue().status(called).orElse("")), "the kiosk hears of the call");
        offline.store().queue().follow(called, "WAITING", advisor); // a late, older event
        assertEquals("CALLED", offline.store().queue().status(called).orElseThrow(), "no status goes backwards");
    }

    @Test
    void aBackOfficeRestoredFromAnOlderBackupGetsWhatItLostPushedAgain() throws Exception {
        FaultProxy proxy = proxy();
        Kiosk kiosk = kiosk("lobby-1", proxy, Clock.systemDefaultZone());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(walkIn(kiosk).id());
        }
        await(() -> kiosk.store().outbox().pendingCount() == 0, "three check-ins pushed");
        int port = server.port();
        Path data = dir.resolve("backoffice");
        Path backup = dir.resolve("backup");
        server.stop();
        copy(data, backup);
        server = BackOfficeServer.start(options(port, false));
        for (int i = 0; i < 3; i++) {
            ids.add(walkIn(kiosk).id());
        }
        await(() -> kiosk.store().outbox().pendingCount() == 0, "three more pushed after the backup");
        assertEquals(6, count(ids));

        // The disk dies; the backup (three check-ins) comes back, and the operator says so.
        server.stop();
        copy(backup, data);
        server = BackOfficeServer.start(options(port, true));
        assertEquals(3, count(ids), "the restore lost three");
        assertTrue(kiosk.sync().refreshSnapshot(), "the kiosk's periodic snapshot");
        await(() -> count(ids) == 6, "the kiosk pushed again what the backup lacked");

        // Restored again, this time without telling anyone: the next push shows the loss.
        server.stop();
        copy(backup, data);
        server = BackOfficeServer.start(options(port, false));
        ids.add(walkIn(kiosk).id());
        await(() -> count(ids) == 7, "the server's shorter memory noticed and filled in");
        await(() -> kiosk.store().outbox().pendingCount() == 0, "everything acknowledged");
        assertEquals(7, queue().stream().filter(q -> ids.contains(q.ticketId())).map(QueueEntry::ticketId).distinct()
                .count(), "each once");
    }

    @Test
    void twoOfflineKiosksCheckingInForTheSameAdvisorSettleOnOneAssignmentAndTheLampsFollow() throws Exception {
        done(server.store().desk().setDuty("demo", "adv-li", Duty.BREAK, MANAGER));
        done(server.store().desk().setDuty("demo", "adv-huang", Duty.BREAK, MANAGER));
        FaultProxy toA = proxy();
        FaultProxy toB = proxy();
        Kiosk a = kiosk("lobby-1", toA, Clock.systemDefaultZone());
        Kiosk b = kiosk("demo-kiosk-1", toB, Clock.systemDefaultZone());
        LocalDate today = LocalDate.now(serverClock);
        await(() -> a.store().queue().leasedNumbersLeft(today, 'B') > 0 && b.store().queue().leasedNumbersLeft(today, 'B') > 0,
                "both kiosks hold leased numbers");

        toA.mode(FaultProxy.Mode.DOWN);
        toB.mode(FaultProxy.Mode.DOWN);
        List<Ticket> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            issued.add(walkIn(a));
            issued.add(walkIn(b));
        }
        issued.forEach(t -> assertEquals("adv-chen", t.advisorId(), "the only advisor on duty when they went offline"));
        assertTrue(a.lamps().isLit(1) && b.lamps().isLit(1));

        // Meanwhile Chen goes on a break and Li and Huang come back.
        done(server.store().desk().setDuty("demo", "adv-li", Duty.ON_DUTY, MANAGER));
        done(server.store().desk().setDuty("demo", "adv-huang", Duty.ON_DUTY, MANAGER));
        done(server.store().desk().setDuty("demo", "adv-chen", Duty.BREAK, MANAGER));
        toA.mode(FaultProxy.Mode.PASS);
        toB.mode(FaultProxy.Mode.PASS);
        await(() -> a.store().outbox().pendingCount() == 0 && b.store().outbox().pendingCount() == 0, "both drained");

        List<QueueEntry> queue = queue();
        Set<String> numbers = new HashSet<>();
        for (Ticket t : issued) {
            List<QueueEntry> mine = queue.stream().filter(q -> q.ticketId().equals(t.id())).toList();
            assertEquals(1, mine.size(), "each check-in once");
            QueueEntry q = mine.get(0);
            assertTrue(numbers.add(q.number()), "numbers unique across the kiosks: " + q.number());
            assertTrue(Set.of("adv-li", "adv-huang").contains(q.advisorId()), "given to an advisor on duty: " + q);
            Kiosk k = t.kioskId().equals("lobby-1") ? a : b;
            await(() -> q.advisorId().equals(localAdvisor(k, t)), "the kiosk shows the server's advisor");
        }
        for (Kiosk k : List.of(a, b)) {
            await(() -> !k.lamps().isLit(1), "Chen's lamp off on kiosk " + k.config().kioskId());
            Set<Integer> desks = new HashSet<>();
            issued.stream().filter(t -> t.kioskId().equals(k.config().kioskId())).forEach(t -> desks.add(
                    queue.stream().filter(q -> q.ticketId().equals(t.id())).findFirst().orElseThrow().desk()));
            for (int desk : desks) {
                await(() -> k.lamps().isLit(desk), "the lamp of desk " + desk + " lit on " + k.config().kioskId());
            }
        }
    }

    private static String localAdvisor(Kiosk k, Ticket t) {
        return k.store().queue().ticket(t.id()).map(Ticket::advisorId).orElse(null);
    }

    /** The store's answer must be a success; a refusal fails the test with its message. */
    private static void done(lobby.backoffice.store.Result<?> result) {
        if (result instanceof lobby.backoffice.store.Result.Refused<?> r) {
            throw new AssertionError("refused: " + r.why() + " " + r.message());
        }
    }

    private long count(List<String> ids) throws Exception {
        return queue().stream().filter(q -> ids.contains(q.ticketId())).count();
    }

    private List<QueueEntry> queue() throws Exception {
        return KioskTestTokens.queue(server);
    }

    /** The back office's files as a backup tool copies them, with the server stopped. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // Files the backup does not have (the live WAL) must not survive the restore.
        try (Stream<Path> files = Files.walk(to)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!Files.exists(from.resolve(to.relativize(f).toString()))) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void await(Check condition, String what) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < end, what + " within " + DEADLINE);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // poll interval
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
