package lobby.kiosk.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads a server-sent event stream (text/event-stream) and hands each complete event over:
 * "id:", "event:" and "data:" lines up to a blank line. Resumes after the last id it saw.
 * One call of {@link #follow} lasts as long as the connection does.
 */
final class EventStream {
    /** An event as it arrived; data lines joined with "\n". */
    record Event(String id, String name, String data) {
    }

    interface Handler {
        void accept(Event event);
    }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http;
    private final URI uri;
    private final Supplier<String> token;

    EventStream(URI uri, Supplier<String> token, java.nio.file.Path caFile) {
        this.http = Http.client(caFile, CONNECT_TIMEOUT);
        this.uri = uri;
        this.token = token;
    }

    /**
     * Connects, resuming after {@code lastId} (null for the start), and delivers events until the
     * stream ends or fails.
     *
     * @param connected called once the server accepted the stream: the network is back
     * @return the id of the last event delivered (or {@code lastId} when none came)
     */
    String follow(String lastId, Handler handler, Runnable connected) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (lastId != null) {
            req.header("Last-Event-ID", lastId);
        }
        String t = token.get();
        if (t != null && !t.isBlank()) {
            req.header("Authorization", "Bearer " + t);
        }
        HttpResponse<Stream<String>> res = http.send(req.build(), HttpResponse.BodyHandlers.ofLines());
        if (res.statusCode() != 200) {
            res.body().close();
            throw new IOException("event stream " + uri + " answered HTTP " + res.statusCode());
        }
        connected.run();
        String last = lastId;
        try (Stream<String> lines = res.body()) {
            String id = null;
            String name = "message";
            StringBuilder data = null;
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        handler.accept(new Event(id, name, data.toString()));
                        if (id != null) {
                            last = id;
                        }
                    }
                    id = null;
                    name = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    continue; // a comment: keep-alive
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
                }
            }
        }
        return last;
    }

    private static String value(String line) {
        String v = line.substring(line.indexOf(':') + 1);
        return v.startsWith(" ") ? v.substring(1) : v;
    }
}
