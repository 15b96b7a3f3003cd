package lobby.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lobby.backoffice.live.SiteEvents;

/**
 * A server-sent events client for tests, on java.net.http: it reads the stream on a thread of
 * its own and queues each event; {@link #next} waits for the next one with a deadline.
 */
final class SseReader implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(10);

    /** One event as received; comment lines are events with a null name. */
    record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;

    private SseReader(Stream<String> lines) {
        this.lines = lines;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects and waits until the server says the subscription is in place. */
    static SseReader open(Http client, String path, String lastEventId) throws Exception {
        HttpRequest.Builder b = client.request(path).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> f = java.net.http.HttpClient.newHttpClient()
                .sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = f.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(200, r.statusCode(), "event stream " + path);
        SseReader sse = new SseReader(r.body());
        Event first = sse.next();
        assertEquals(new Event(null, null, SiteEvents.CONNECTED), first, "the stream opens with a comment");
        return sse;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith(":")) {
                    events.add(new Event(null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                } else if (line.isEmpty() && (name != null || data.length() > 0)) {
                    events.add(new Event(id, name, data.toString()));
                    id = null;
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed by the test or the server
        }
    }

    /** The next event, skipping keep-alive pings; fails the test past the deadline. */
    Event next() throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                fail("no event within " + DEADLINE);
            }
            if (!"ping".equals(e.data()) || e.name() != null) {
                return e;
            }
        }
    }

    /** The next event with this name, skipping others. */
    Event next(String name) throws InterruptedException {
        while (true) {
            Event e = next();
            if (name.equals(e.name())) {
                return e;
            }
        }
    }

    /** Nothing queued right now (events already delivered have been read). */
    boolean idle() {
        return events.isEmpty();
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
