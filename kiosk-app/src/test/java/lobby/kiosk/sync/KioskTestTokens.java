package lobby.kiosk.sync;

import java.net.http.HttpRequest;
import java.util.Map;
import lobby.backoffice.BackOfficeServer;

/** Credentials of the demo site's kiosks, for tests that talk to a real back office. */
public final class KioskTestTokens {
    private KioskTestTokens() {
    }

    /** Adds the demo kiosk's token to its settings (the back office seeds one per demo kiosk id). */
    public static void add(BackOfficeServer server, String kioskId, Map<String, String> settings) {
        settings.put("backoffice.token", server.demo().orElseThrow().kioskToken(kioskId));
    }

    /** The demo site's queue today as the back office has it, read with a kiosk's token. */
    public static java.util.List<lobby.sync.QueueEntry> queue(BackOfficeServer server) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/sites/demo/queue"));
        authorize(server, req);
        java.net.http.HttpResponse<String> res = java.net.http.HttpClient.newHttpClient().send(req.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        if (res.statusCode() != 200) {
            throw new AssertionError("reading the queue: HTTP " + res.statusCode() + " " + res.body());
        }
        return java.util.Arrays.asList(WireJson.read(res.body(), lobby.sync.QueueEntry[].class));
    }

    /** A kiosk may read its site's queue: tests read it with the e2e kiosk's token. */
    public static void authorize(BackOfficeServer server, HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + server.demo().orElseThrow().kioskToken("lobby-1"));
    }
}
