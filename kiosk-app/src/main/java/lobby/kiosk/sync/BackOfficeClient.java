package lobby.kiosk.sync;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.SiteSnapshot;

/**
 * The kiosk's HTTP conversation with the back office. Every call is bounded by a timeout and
 * fails with a {@link SyncException} that says which call, where, and why.
 */
public final class BackOfficeClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http;

    public BackOfficeClient(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public SiteSnapshot snapshot(String siteId) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/sites/" + encode(siteId) + "/snapshot"))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET().build();
        return WireJson.read(send("snapshot", req), SiteSnapshot.class);
    }

    public PushResult push(PushBatch batch) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/sync/push"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.write(batch), StandardCharsets.UTF_8)).build();
        return WireJson.read(send("push of " + batch.ops().size() + " ops", req), PushResult.class);
    }

    public URI base() {
        return base;
    }

    private String send(String what, HttpRequest req) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() / 100 != 2) {
                throw new SyncException(what + " to " + req.uri() + " answered HTTP " + res.statusCode() + ": "
                        + abbreviate(res.body()));
            }
            return res.body();
        } catch (IOException e) {
            throw new SyncException(what + " to " + req.uri() + " failed after "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(what + " to " + req.uri() + " interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new SyncException(what + " to " + req.uri() + " gave an unreadable answer: " + e.getMessage(), e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
