package lobby.kiosk.sync;

import java.net.http.HttpRequest;
import java.util.Map;
import lobby.backoffice.BackOfficeServer;

/** Credentials of the demo site's kiosks for tests that talk to a real back office. */
public final class KioskTestTokens {
    private KioskTestTokens() {
    }

    /** Adds the kiosk's token to its settings, when the back office issues tokens. */
    public static void add(BackOfficeServer server, String kioskId, Map<String, String> settings) {
        // Filled in once the back office requires kiosk tokens.
    }

    /** Adds credentials that may read the queue. */
    public static void authorize(BackOfficeServer server, HttpRequest.Builder request) {
        // Filled in once the back office requires credentials.
    }
}
