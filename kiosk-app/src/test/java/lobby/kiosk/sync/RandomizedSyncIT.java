package lobby.kiosk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import lobby.backoffice.BackOfficeServer;
import lobby.backoffice.ServerOptions;
import lobby.checkin.VisitKind;
import lobby.kiosk.Kiosk;
import lobby.kiosk.KioskConfig;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test 9: several kiosks check customers in while the network between them and the back
 * office is cut, loses answers or fails with 5xx, kiosks are stopped and restarted, and the back
 * office is restarted, for a bounded time chosen by a seeded random generator (the seed is
 * printed, and {@code -Dsync.random.seed=N} replays a run). Then the network heals and a
 * checker compares the tickets the kiosks issued with the back office's queue.
 */
class RandomizedSyncIT {
    static final Duration RUN = Duration.ofSeconds(Long.getLong("sync.random.seconds", 20));
    static final Duration SETTLE = Duration.ofSeconds(60);
    static final List<String> KIOSKS = List.of("lobby-1", "demo-kiosk-1", "bench");

    @TempDir
    Path dir;

    @Test
    void nothingIssuedIsLostOrDuplicatedThroughPartitionsAndRestarts() throws Exception {
        long seed = Long.getLong("sync.random.seed", System.nanoTime());
        System.out.println("RandomizedSyncIT seed " + seed + " (-Dsync.random.seed=" + seed + " replays it)");
        Random random = new Random(seed);
        ServerOptions options = ServerOptions.defaults(dir.resolve("backoffice")).withPort(0).withSeedDemo(true)
                .withKioskRateLimit(Double.POSITIVE_INFINITY, 1);
        BackOfficeServer server = BackOfficeServer.start(options);
        options = options.withPort(server.port());
        Map<String, FaultProxy> proxies = new HashMap<>();
        Map<String, Kiosk> kiosks = new HashMap<>();
        Map<String, Map<String, String>> settings = new HashMap<>();
        for (String id : KIOSKS) {
            FaultProxy p = new FaultProxy(server.port());
            proxies.put(id, p);
            Map<String, String> s = new HashMap<>(Map.of("site", "demo", "kiosk", id,
                    "data", dir.resolve("kiosk-" + id).toString(), "backoffice", "http://127.0.0.1:" + p.port(),
                    "scanner.driver", "none", "sync.interval-s", "1"));
            KioskTestTokens.add(server, id, s);
            settings.put(id, s);
            kiosks.put(id, Kiosk.start(KioskConfig.from(s), Clock.systemDefaultZone(), line -> { }));
        }
        Set<String> issued = new LinkedHashSet<>();
        int partitions = 0;
        int kioskRestarts = 0;
        int serverRestarts = 0;
        try {
            long end = System.nanoTime() + RUN.toNanos();
            while (System.nanoTime() < end) {
                String id = KIOSKS.get(random.nextInt(KIOSKS.size()));
                int roll = random.nextInt(100);
                if (roll < 70) {
                    Kiosk k = kiosks.get(id);
                    issued.add(((ScanOutcome.Issued) k.desk().walkIn(VisitKind.REPAIR, random.nextBoolean(), null))
                            .ticket().id());
                } else if (roll < 88) {
                    FaultProxy.Mode[] modes = FaultProxy.Mode.values();
                    proxies.get(id).mode(modes[random.nextInt(modes.length)]);
                    partitions++;
                } else if (roll < 97) {
                    kiosks.get(id).close();
                    kiosks.put(id, Kiosk.start(KioskConfig.from(settings.get(id)), Clock.systemDefaultZone(),
                            line -> { }));
                    kioskRestarts++;
                } else {
                    server.stop();
                    server = BackOfficeServer.start(options);
                    serverRestarts++;
                }
                LockSupport.parkNanos(Duration.ofMillis(random.nextInt(60)).toNanos()); // pacing between actions
            }
            proxies.values().forEach(p -> p.mode(FaultProxy.Mode.PASS));
            long settle = System.nanoTime() + SETTLE.toNanos();
            while (kiosks.values().stream().anyMatch(k -> k.store().outbox().pendingCount() > 0)) {
                assertTrue(System.nanoTime() < settle, "the kiosks' outboxes drain within " + SETTLE);
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // poll interval
            }

            List<QueueEntry> queue = queue(server);
            Map<String, Integer> onServer = new HashMap<>();
            queue.forEach(q -> onServer.merge(q.ticketId(), 1, Integer::sum));
            long exactlyOnce = issued.stream().filter(t -> onServer.getOrDefault(t, 0) == 1).count();
            long duplicates = onServer.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            List<String> lost = issued.stream().filter(t -> !onServer.containsKey(t)).toList();
            Set<String> numbers = new java.util.HashSet<>();
            long repeatedNumbers = queue.stream().filter(q -> !numbers.add(q.number())).count();
            long deadLetters = kiosks.values().stream().mapToLong(k -> k.store().outbox().deadLetters().size()).sum();
            System.out.printf("RandomizedSyncIT: %d s, %d kiosks, %d partitions or faults, %d kiosk restarts,"
                            + " %d back office restarts; tickets issued %d, on the server exactly once %d,"
                            + " duplicates %d, losses %d, numbers given twice %d, refused ops %d%n",
                    RUN.toSeconds(), KIOSKS.size(), partitions, kioskRestarts, serverRestarts, issued.size(),
                    exactlyOnce, duplicates, lost.size(), repeatedNumbers, deadLetters);
            assertEquals(0, duplicates, "duplicates");
            assertEquals(List.of(), lost, "losses");
            assertEquals(issued.size(), exactlyOnce);
            assertEquals(0, repeatedNumbers, "ticket numbers unique across kiosks");
            assertEquals(0, deadLetters, "nothing refused");
        } finally {
            for (Kiosk k : kiosks.values()) {
                k.close();
            }
            for (FaultProxy p : proxies.values()) {
                p.close();
            }
            server.stop();
        }
    }

    private List<QueueEntry> queue(BackOfficeServer server) throws Exception {
        return KioskTestTokens.queue(server);
    }
}
