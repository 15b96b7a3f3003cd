package lobby.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The back office's JSON API as one person (or one kiosk) uses it: a client with its own cookie
 * jar, so each signed-in user keeps their session. Bodies are written by hand in the contract's
 * shape, as a browser or kiosk would send them.
 */
final class Api {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String PASSWORD = "demo-pass-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient client;
    private final String bearer;

    private Api(String base, String bearer) {
        this.base = base;
        this.bearer = bearer;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(TIMEOUT).build();
    }

    static Api kiosk(String base, String token) {
        return new Api(base, token);
    }

    /** Signed in with the demo password; fails the test if the back office says no. */
    static Api signedIn(String base, String username) {
        Api api = new Api(base, null);
        Answer r = api.post("/api/login", "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(200, r.status(), "signing in " + username + ": " + r.body());
        return api;
    }

    /** An answer: status and body, with the body parsed on demand. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        /** The body as JSON, after checking the status. */
        JsonNode expect(int expected, String what) {
            assertEquals(expected, status, what + ": " + body);
            return expected == 204 ? null : json();
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
