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

    /** A kiosk may read its site's queue: tests read it with the e2e kiosk's token. */
    public static void authorize(BackOfficeServer server, HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + server.demo().orElseThrow().kioskToken("lobby-1"));
    }
}
