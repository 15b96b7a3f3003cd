package lobby.backoffice.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import lobby.backoffice.BackOfficeServer;
import lobby.backoffice.DemoSite;

/**
 * Many lobby boards on one site's event stream. Lines are read asynchronously
 * (java.net.http's line subscriber), so 1,000 connections need no thread each on this side.
 */
final class FanOut implements AutoCloseable {
    static final Duration CONNECT_LIMIT = Duration.ofSeconds(60);
    static final Duration EVENT_LIMIT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final List<CompletableFuture<?>> streams;
    private final List<Board> boards;

    private FanOut(HttpClient client, List<CompletableFuture<?>> streams, List<Board> boards) {
        this.client = client;
        this.streams = streams;
        this.boards = boards;
    }

    /** One connection: notes when the awaited ticket's event arrives. */
    private static final class Board implements Flow.Subscriber<String> {
        volatile String awaited;
        final AtomicLong receivedAt = new AtomicLong();
        volatile CountDownLatch arrived;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            String t = awaited;
            if (t != null && line.startsWith("data:") && line.contains(t) && receivedAt.compareAndSet(0, System.nanoTime())) {
                arrived.countDown();
            }
        }

        @Override
        public void onError(Throwable e) {
        }

        @Override
        public void onComplete() {
        }
    }

    static FanOut connect(BackOfficeServer server, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String url = server.baseUrl() + "/api/sites/" + DemoSite.SITE_ID + "/events?key="
                + server.demo().orElseThrow().displayKey();
        List<CompletableFuture<?>> streams = new ArrayList<>();
        List<Board> boards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Board b = new Board();
            boards.add(b);
            HttpRequest r = HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", "text/event-stream").build();
            streams.add(client.sendAsync(r, HttpResponse.BodyHandlers.fromLineSubscriber(b)));
        }
        long deadline = System.nanoTime() + CONNECT_LIMIT.toNanos();
        while (server.events().subscribers(DemoSite.SITE_ID) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + server.events().subscribers(DemoSite.SITE_ID) + " of " + count
                        + " clients connected within " + CONNECT_LIMIT);
            }
            Thread.onSpinWait();
        }
        return new FanOut(client, streams, boards);
    }

    /** Pushes one check-in and waits until every client has its event. */
    Duration timeToLast(BackOfficeServer server) throws Exception {
        String kiosk = "bench-fan-out";
        String token = BackOfficeBenchmarks.token(server, kiosk);
        String body = Load.push(kiosk, 1, LocalDate.now(ZoneId.systemDefault()));
        String ticketId = body.replaceAll(".*\"ticket\":\\{\"id\":\"([^\"]+)\".*", "$1");
        CountDownLatch arrived = new CountDownLatch(boards.size());
        for (Board b : boards) {
            b.arrived = arrived;
            b.awaited = ticketId;
        }
        long pushed = System.nanoTime();
        HttpResponse<String> r = BackOfficeBenchmarks.send(client, BackOfficeBenchmarks
                .request(server.baseUrl() + "/api/sync/push").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the fan-out push failed: " + r.statusCode() + " " + r.body());
        }
        BackOfficeBenchmarks.await(arrived, EVENT_LIMIT, "the fan-out");
        long last = boards.stream().mapToLong(b -> b.receivedAt.get()).max().orElse(pushed);
        return Duration.ofNanos(last - pushed);
    }

    @Override
    public void close() {
        streams.forEach(s -> s.cancel(true));
    }
}
