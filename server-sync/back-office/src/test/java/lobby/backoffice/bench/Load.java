package lobby.backoffice.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import lobby.backoffice.BackOfficeServer;
import lobby.backoffice.DemoSite;

/**
 * Closed-loop load: each simulated kiosk sends a request, waits for the answer, sends the next.
 * Every request is timed; errors are counted and reported, never silently dropped.
 */
final class Load {
    /** What one run measured. */
    record Figures(long requests, long errors, Duration elapsed, long[] sortedNanos) {
        double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        Duration p99() {
            return sortedNanos.length == 0 ? Duration.ZERO
                    : Duration.ofNanos(sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(0.99 * sortedNanos.length) - 1)]);
        }

        @Override
        public String toString() {
            return String.format("%6.0f requests/s  p50 %s  p99 %s%s", perSecond(),
                    BackOfficeBenchmarks.percentile(sortedNanos, 0.50), BackOfficeBenchmarks.percentile(sortedNanos, 0.99),
                    errors == 0 ? "" : "  (" + errors + " errors)");
        }
    }

    /** One kiosk's connection and its next request body; the argument is its 1-based seq. */
    private record Kiosk(RawHttp client, LongFunction<String> next) {
    }

    private final List<Kiosk> kiosks;

    /** Closes the kiosks' connections. */
    void close() {
        kiosks.forEach(k -> k.client().close());
    }

    private Load(List<Kiosk> kiosks) {
        this.kiosks = kiosks;
    }

    /** Kiosks "bench-k1"... each with its token, pushing one check-in per request in seq order. */
    static Load checkIns(BackOfficeServer server, int count) {
        List<Kiosk> out = new ArrayList<>();
        LocalDate day = LocalDate.now(ZoneId.systemDefault());
        for (int i = 1; i <= count; i++) {
            String kiosk = "bench-k" + i;
            String token = BackOfficeBenchmarks.token(server, kiosk);
            out.add(new Kiosk(new RawHttp(server.baseUrl(), token), seq -> push(kiosk, seq, day)));
        }
        return new Load(out);
    }

    /** The same shape of request against a trivial endpoint. */
    static Load trivial(String base, int count) {
        List<Kiosk> out = new ArrayList<>();
        LocalDate day = LocalDate.now(ZoneId.systemDefault());
        for (int i = 1; i <= count; i++) {
            String kiosk = "bench-k" + i;
            out.add(new Kiosk(new RawHttp(base, null), seq -> push(kiosk, seq, day)));
        }
        return new Load(out);
    }

    /**
     * One check-in. Numbers are unique per kiosk and seq, as leased numbers are: a number given
     * twice is logged inside the write lock, which would be measured too.
     */
    static String push(String kiosk, long seq, LocalDate day) {
        String ticket = UUID.randomUUID().toString();
        Instant at = Instant.now();
        return """
                {"kioskId":"%s","ops":[{"opId":"%s","kioskId":"%s","seq":%d,"type":"CHECK_IN","ticket":{"id":"%s",\
                "siteId":"%s","kioskId":"%s","day":"%s","number":"B%s-%d","kind":"REPAIR","advisorId":"adv-li",\
                "appointmentId":null,"plate":"粤A12345","waitInLounge":false,"issuedAt":"%s","estimatedWaitMinutes":8},\
                "ticketId":"%s","detail":null,"at":"%s"}]}""".formatted(kiosk, UUID.randomUUID(), kiosk, seq, ticket,
                DemoSite.SITE_ID, kiosk, day, kiosk.substring(kiosk.lastIndexOf('k') + 1), seq, at, ticket, at);
    }

    /** Runs every kiosk for {@code length}; the kiosks keep their seq across runs. */
    Figures run(Duration length) throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        CountDownLatch done = new CountDownLatch(kiosks.size());
        List<Worker> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (Kiosk k : kiosks) {
            Worker w = new Worker(k, end, done);
            workers.add(w);
            Thread t = new Thread(w, "bench-" + k.hashCode());
            t.setDaemon(true);
            t.start();
        }
        BackOfficeBenchmarks.await(done, length.plusSeconds(60), "the load");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long requests = workers.stream().mapToLong(w -> w.count).sum();
        long errors = workers.stream().mapToLong(w -> w.errors).sum();
        return new Figures(requests, errors, elapsed,
                BackOfficeBenchmarks.sorted(workers.stream().map(w -> Arrays.copyOf(w.nanos, w.count)).toList()));
    }

    /** One kiosk's loop; its fields are read after the latch, which orders the writes before. */
    private final class Worker implements Runnable {
        final Kiosk kiosk;
        final long end;
        final CountDownLatch done;
        final long[] nanos = new long[1_000_000];
        int count;
        long errors;

        Worker(Kiosk kiosk, long end, CountDownLatch done) {
            this.kiosk = kiosk;
            this.end = end;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < end && count < nanos.length) {
                    String body = kiosk.next().apply(seqs.merge(kiosk, 1L, Long::sum));
                    long t0 = System.nanoTime();
                    RawHttp.Answer res = kiosk.client().post("/api/sync/push", body);
                    nanos[count++] = System.nanoTime() - t0;
                    if (res.status() != 200 || res.body().contains("\"reason\"")) {
                        if (errors++ == 0) {
                            System.err.println("first error: " + res.status() + " " + res.body());
                        }
                    }
                }
            } catch (Exception e) {
                errors++;
                System.err.println("a kiosk stopped: " + e);
            } finally {
                done.countDown();
            }
        }
    }

    private final Map<Kiosk, Long> seqs = new ConcurrentHashMap<>();
}
