package lobby.provision.enrol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import lobby.provision.ProvisionException;

/**
 * The two back-office calls enrolment needs, over the JDK's own HTTP client: log in as an admin
 * ({@code POST /api/login}, answered with a {@code lobby_session} cookie) and ask for a kiosk's
 * one-time code ({@code POST /api/kiosks/enrolment-codes}). The session and the code are secrets:
 * no message of this class contains either, nor the password.
 */
public final class BackOfficeClient {
    static final String SESSION_COOKIE = "lobby_session";
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A one-time code; {@link #toString()} leaves the code out so it cannot end up in a log by accident. */
    public record Code(String code, String kioskId, String siteId, Instant expiresAt) {
        @Override
        public String toString() {
            return "Code[kiosk=" + kioskId + ", site=" + siteId + ", expires=" + expiresAt + "]";
        }
    }

    private final URI base;
    private final HttpClient http;
    private String session;

    public BackOfficeClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void login(String username, String password) {
        HttpResponse<String> response = post("/api/login", Map.of("username", username, "password", password), false);
        if (response.statusCode() == 401) {
            throw new ProvisionException("the back office " + base + " refused the login of " + username + ": "
                    + error(response));
        }
        expectOk(response, "logging in as " + username);
        for (String header : response.headers().allValues("set-cookie")) {
            String first = header.split(";", 2)[0];
            int eq = first.indexOf('=');
            if (eq > 0 && first.substring(0, eq).strip().equals(SESSION_COOKIE) && eq + 1 < first.length()) {
                session = first.substring(eq + 1).strip();
            }
        }
        if (session == null) {
            throw new ProvisionException("the back office " + base + " accepted the login of " + username
                    + " but set no " + SESSION_COOKIE + " cookie: is this the back office's address?");
        }
    }

    public Code enrolmentCode(String kioskId, String siteId) {
        if (session == null) {
            throw new IllegalStateException("log in first");
        }
        HttpResponse<String> response = post("/api/kiosks/enrolment-codes", Map.of("kioskId", kioskId, "siteId", siteId),
                true);
        expectOk(response, "asking for an enrolment code for kiosk " + kioskId + " at site " + siteId);
        try {
            JsonNode n = JSON.readTree(response.body());
            String code = n.path("code").asText("");
            if (code.isBlank()) {
                throw new ProvisionException("the back office " + base + " answered without a code");
            }
            return new Code(code, kioskId, siteId, instant(n.get("expiresAt")));
        } catch (JsonProcessingException e) {
            throw new ProvisionException("the back office " + base + " answered the code request with something "
                    + "other than the expected JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The expiry only goes into a message: an unexpected form loses the message, not the code. */
    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private HttpResponse<String> post(String path, Map<String, String> body, boolean withSession) {
        URI uri = base.resolve(path);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
        if (withSession) {
            request.header("Cookie", SESSION_COOKIE + "=" + session);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProvisionException("cannot reach the back office at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted while calling the back office at " + uri);
        }
    }

    private void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new ProvisionException(what + " at " + base + " failed: HTTP " + response.statusCode() + " "
                    + error(response));
        }
    }

    /** The back office's {"error": "..."}; never the whole body, which could echo what was sent. */
    private static String error(HttpResponse<String> response) {
        try {
            JsonNode n = JSON.readTree(response.body());
            if (n != null && n.hasNonNull("error")) {
                String e = n.get("error").asText();
                return e.length() > 200 ? e.substring(0, 200) + "..." : e;
            }
        } catch (JsonProcessingException e) {
            // not JSON: a proxy's page, say
        }
        return "(no error message)";
    }
}
