package lobby.backoffice.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lobby.backoffice.BackOfficeServer;
import lobby.backoffice.DemoSite;
import lobby.backoffice.ServerOptions;
import lobby.backoffice.pg.PostgresServer;

/**
 * The back office's figures on this machine, over loopback HTTP:
 * <ol>
 * <li>simulated kiosks pushing one check-in per request (each its own token and seq, as real
 *     kiosks do): throughput and p50/p99 latency on SQLite (WAL, synchronous=FULL: every
 *     acknowledged check-in is on disk);</li>
 * <li>the same on PostgreSQL (Debian's server on a loopback port, fsync on, synchronous commit);</li>
 * <li>the same load against a bare Javalin endpoint that reads the body and answers a constant:
 *     the ceiling of the HTTP framework and client on this machine;</li>
 * <li>server-sent events fan-out: 1,000 connected clients, time from a push until the last of
 *     them has the new ticket's event.</li>
 * </ol>
 * Arguments: {@code [kiosks] [seconds]}, default 16 kiosks for 10 s after a 10 s warm-up: on 2
 * cores the JIT compiles the server's, the drivers' and PostgreSQL's client paths for about
 * that long (check-ins per second climb for the first 10 s of load, then level off).
 */
public final class BackOfficeBenchmarks {
    static final int DEFAULT_KIOSKS = 16;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration DEFAULT_RUN = Duration.ofSeconds(10);
    static final int SSE_CLIENTS = 1_000;
    static final double TARGET_PER_SECOND = 1_000;
    static final Duration TARGET_P99 = Duration.ofMillis(50);
    static final Duration TARGET_FAN_OUT = Duration.ofSeconds(1);

    private BackOfficeBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int kiosks = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_KIOSKS;
        Duration run = args.length > 1 ? Duration.ofSeconds(Long.parseLong(args[1])) : DEFAULT_RUN;
        Path work = Files.createTempDirectory("backoffice-bench");
        try {
            System.out.printf("Back office benchmarks: %d simulated kiosks over loopback, %d cores, Java %s%n", kiosks,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            Load.Figures sqlite;
            Duration fanOut;
            Duration connect;
            try (BackOfficeServer server = BackOfficeServer.start(ServerOptions.defaults(work.resolve("sqlite"))
                    .withPort(0).withSeedDemo(true).withKioskRateLimit(Double.POSITIVE_INFINITY, 1))) {
                Load load = Load.checkIns(server, kiosks);
                load.run(WARM_UP);
                sqlite = load.run(run);
                long start = System.nanoTime();
                FanOut clients = FanOut.connect(server, SSE_CLIENTS);
                connect = Duration.ofNanos(System.nanoTime() - start);
                fanOut = clients.timeToLast(server);
                clients.close();
            }
            Load.Figures postgres;
            try (PostgresServer pg = PostgresServer.start(true);
                 BackOfficeServer server = BackOfficeServer.start(ServerOptions.defaults(work.resolve("pg"))
                         .withPort(0).withSeedDemo(true).withKioskRateLimit(Double.POSITIVE_INFINITY, 1)
                         .withPostgres(new ServerOptions.Postgres(pg.createDatabase("bench"), null)))) {
                Load load = Load.checkIns(server, kiosks);
                load.run(WARM_UP);
                postgres = load.run(run);
            }
            Load.Figures ceiling;
            Javalin bare = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jetty.host = "127.0.0.1";
                config.routes.post("/api/sync/push", ctx -> {
                    ctx.bodyAsBytes();
                    ctx.contentType("application/json").result("{\"applied\":[],\"highestSeq\":0,\"rejected\":[]}");
                });
            }).start(0);
            try {
                Load load = Load.trivial("http://localhost:" + bare.port(), kiosks);
                load.run(WARM_UP);
                ceiling = load.run(run);
            } finally {
                bare.stop();
            }

            System.out.println();
            System.out.printf("Check-in pushes, %d kiosks, %d s each, one check-in per request:%n", kiosks,
                    run.toSeconds());
            System.out.printf("  SQLite (WAL, synchronous=FULL)  %s   target >= %.0f/s, p99 < %d ms: %s%n",
                    sqlite, TARGET_PER_SECOND, TARGET_P99.toMillis(),
                    sqlite.perSecond() >= TARGET_PER_SECOND && sqlite.p99().compareTo(TARGET_P99) < 0 ? "met" : "MISSED");
            System.out.printf("  PostgreSQL (fsync on)           %s   target >= %.0f/s, p99 < %d ms: %s%n",
                    postgres, TARGET_PER_SECOND, TARGET_P99.toMillis(),
                    postgres.perSecond() >= TARGET_PER_SECOND && postgres.p99().compareTo(TARGET_P99) < 0 ? "met" : "MISSED");
            System.out.printf("  bare Javalin (trivial POST)     %s   (the framework's ceiling here)%n", ceiling);
            System.out.printf("SSE fan-out: %d clients connected in %d ms; the last had the new ticket %d ms after"
                            + " the push   target < %d ms: %s%n", SSE_CLIENTS, connect.toMillis(), fanOut.toMillis(),
                    TARGET_FAN_OUT.toMillis(), fanOut.compareTo(TARGET_FAN_OUT) < 0 ? "met" : "MISSED");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** Latencies in nanoseconds, sorted, and how long they took all together. */
    static String percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "-";
        }
        long ns = sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        return String.format("%.1f ms", ns / 1e6);
    }

    static long[] sorted(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    static void await(CountDownLatch latch, Duration limit, String what) throws InterruptedException {
        if (!latch.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(what + " did not finish within " + limit + " (" + latch.getCount()
                    + " left)");
        }
    }

    static String token(BackOfficeServer server, String kioskId) {
        String token = "bench-token-" + kioskId + "-" + Instant.now().toEpochMilli();
        server.store().kiosks().saveToken(DemoSite.SITE_ID, kioskId, token);
        return token;
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
