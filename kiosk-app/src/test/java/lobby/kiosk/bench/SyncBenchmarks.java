package lobby.kiosk.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import lobby.backoffice.BackOfficeServer;
import lobby.backoffice.ServerOptions;
import lobby.checkin.VisitKind;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.store.QueueStore;
import lobby.kiosk.sync.BackOfficeClient;
import lobby.kiosk.sync.FaultProxy;
import lobby.kiosk.sync.SyncAgent;
import lobby.kiosk.sync.SyncedClock;

/**
 * The sync's figures on this machine, against a real back office (SQLite) over loopback:
 * <ol>
 * <li>a kiosk that checked in 500 customers while offline reconnects: time until the back
 *     office has acknowledged all of them (target under 3 s);</li>
 * <li>a hundred kiosks, each with 20 check-ins made while the back office was unreachable,
 *     reconnect at once: time until every outbox is empty, and the back office's peak request
 *     rate (requests in any one second) while they came back, which the kiosks' backoff with
 *     jitter spreads.</li>
 * </ol>
 * The kiosks here are the real store and sync agent (what a Pi runs minus its devices).
 */
public final class SyncBenchmarks {
    static final int OFFLINE_CHECK_INS = 500;
    static final Duration TARGET_RECONCILE = Duration.ofSeconds(3);
    static final int KIOSKS = 100;
    static final int CHECK_INS_EACH = 20;
    static final Duration OUTAGE = Duration.ofSeconds(10);

    private SyncBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sync-bench");
        try (BackOfficeServer server = BackOfficeServer.start(ServerOptions.defaults(work.resolve("backoffice"))
                .withPort(0).withSeedDemo(true).withKioskRateLimit(ServerOptions.KIOSK_REQUESTS_PER_SECOND,
                        ServerOptions.KIOSK_BURST))) {
            System.out.printf("Sync benchmarks: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            Duration reconcile = offlineKiosk(server, work);
            System.out.printf("A kiosk with %d check-ins made offline: all acknowledged %d ms after reconnecting"
                            + "   target < %d ms: %s%n", OFFLINE_CHECK_INS, reconcile.toMillis(),
                    TARGET_RECONCILE.toMillis(), reconcile.compareTo(TARGET_RECONCILE) < 0 ? "met" : "MISSED");
            reconnectingFleet(server, work);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** One kiosk of the fleet: its store, its sync agent behind a proxy. */
    private record Member(KioskStore store, SyncAgent agent) {
    }

    private static Member member(BackOfficeServer server, Path work, String kioskId, FaultProxy proxy) {
        String token = "bench-token-" + kioskId;
        server.store().kiosks().saveToken("demo", kioskId, token);
        KioskStore store = KioskStore.open(work.resolve("kiosks").resolve(kioskId + ".db"));
        SyncedClock clock = SyncedClock.system(Clock.systemDefaultZone());
        store.stampWith(clock, clock::synced);
        BackOfficeClient client = new BackOfficeClient(URI.create("http://127.0.0.1:" + proxy.port()), () -> token,
                null);
        SyncAgent agent = new SyncAgent(client, store, "demo", kioskId, clock);
        return new Member(store, agent);
    }

    private static void checkIns(Member m, String kioskId, int n) {
        for (int i = 0; i < n; i++) {
            m.store().queue().checkIn(QueueStore.NewCheckIn.walkIn("demo", kioskId, LocalDate.now(), Instant.now(),
                    VisitKind.REPAIR, "粤A12345", true));
        }
    }

    static Duration offlineKiosk(BackOfficeServer server, Path work) throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            Member m = member(server, work, "offline-k1", proxy);
            m.agent().start(Duration.ofHours(1)); // the timer stays out of the measurement; the kick drains
            proxy.mode(FaultProxy.Mode.DOWN);
            checkIns(m, "offline-k1", OFFLINE_CHECK_INS);
            proxy.mode(FaultProxy.Mode.PASS);
            long start = System.nanoTime();
            m.agent().kick();
            while (m.store().outbox().pendingCount() > 0) {
                LockSupport.parkNanos(1_000_000); // poll interval
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            m.agent().close();
            m.store().close();
            return took;
        }
    }

    static void reconnectingFleet(BackOfficeServer server, Path work) throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            List<Member> fleet = new ArrayList<>();
            for (int i = 1; i <= KIOSKS; i++) {
                Member m = member(server, work, "fleet-k" + i, proxy);
                m.agent().start(Duration.ofSeconds(1));
                fleet.add(m);
            }
            proxy.mode(FaultProxy.Mode.DOWN);
            for (int i = 0; i < fleet.size(); i++) {
                checkIns(fleet.get(i), "fleet-k" + (i + 1), CHECK_INS_EACH);
            }
            LockSupport.parkNanos(OUTAGE.toNanos()); // the outage: the kiosks back off meanwhile
            long before = server.requestsServed();
            proxy.mode(FaultProxy.Mode.PASS);
            long start = System.nanoTime();
            List<Long> perTick = new ArrayList<>();
            long last = before;
            long tick = Duration.ofMillis(100).toNanos();
            while (fleet.stream().anyMatch(m -> m.store().outbox().pendingCount() > 0)) {
                LockSupport.parkNanos(tick); // sampling interval
                long now = server.requestsServed();
                perTick.add(now - last);
                last = now;
                if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException("the fleet did not sync within 5 minutes");
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long peak = 0;
            for (int i = 0; i < perTick.size(); i++) {
                long window = 0;
                for (int j = i; j < Math.min(perTick.size(), i + 10); j++) {
                    window += perTick.get(j);
                }
                peak = Math.max(peak, window);
            }
            System.out.printf("%d kiosks with %d offline check-ins each, back after a %d s outage: all in sync after"
                            + " %.1f s; the back office served %d requests, at most %d in one second%n", KIOSKS,
                    CHECK_INS_EACH, OUTAGE.toSeconds(), took.toMillis() / 1000.0, last - before, peak);
            for (Member m : fleet) {
                m.agent().close();
                m.store().close();
            }
        }
    }
}
