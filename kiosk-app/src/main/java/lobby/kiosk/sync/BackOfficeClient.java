package lobby.kiosk.sync;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.SiteSnapshot;

/**
 * The kiosk's HTTP conversation with the back office. Every call is bounded by a timeout and
 * fails with a {@link SyncException} that says which call, where, and why. The kiosk's token
 * goes in a header and never into a message.
 */
public final class BackOfficeClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http;
    private final Supplier<String> token;

    /** @param token the kiosk's current token, or null before enrolment */
    /** @param caFile the CA the back office's certificate must chain to, or null for the JVM's */
    public BackOfficeClient(URI base, Supplier<String> token, java.nio.file.Path caFile) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = Http.client(caFile, CONNECT_TIMEOUT);
        this.token = token;
    }

    public BackOfficeClient(URI base) {
        this(base, () -> null, null);
    }

    public SiteSnapshot snapshot(String siteId) {
        return WireJson.read(send("snapshot", request("api/sites/" + encode(siteId) + "/snapshot").GET()),
                SiteSnapshot.class);
    }

    public PushResult push(PushBatch batch) {
        return WireJson.read(send("push of " + batch.ops().size() + " ops", request("api/sync/push")
                .POST(json(batch))), PushResult.class);
    }

    /** Asks for blocks of ticket numbers (and this kiosk's mark for its fallback series). */
    public lobby.sync.NumberLease.Grant leases(lobby.sync.NumberLease.Request request) {
        return WireJson.read(send("lease of " + request.series() + " numbers", request("api/sync/leases")
                .POST(json(request))), lobby.sync.NumberLease.Grant.class);
    }

    /** Device health and sync state, so the back office's devices page shows this kiosk. */
    public void heartbeat(String kioskId, Heartbeat beat) {
        send("heartbeat", request("api/kiosks/" + encode(kioskId) + "/heartbeat").POST(json(beat)));
    }

    /** Exchanges a one-time enrolment code for this kiosk's token. */
    public String enrol(String kioskId, String code) {
        String body = send("enrolment", request("api/kiosks/enrol").POST(json(Map.of("code", code, "kioskId", kioskId))));
        return WireJson.read(body, Enrolled.class).token();
    }

    public URI base() {
        return base;
    }

    /** What a heartbeat carries; devices as "device", "state", "detail". */
    public record Heartbeat(String version, List<Map<String, String>> devices, int pendingOps, java.time.Instant lastSync) {
    }

    record Enrolled(String token) {
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        String t = token.get();
        if (t != null && !t.isBlank()) {
            b.header("Authorization", "Bearer " + t);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(WireJson.write(body), StandardCharsets.UTF_8);
    }

    private String send(String what, HttpRequest.Builder builder) {
        HttpRequest req = builder.header("Content-Type", "application/json; charset=utf-8").build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() / 100 != 2) {
                throw new SyncException(what + " to " + req.uri() + " answered HTTP " + res.statusCode() + ": "
                        + abbreviate(res.body()), res.statusCode());
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
