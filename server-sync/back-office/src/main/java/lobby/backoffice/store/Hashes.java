package lobby.backoffice.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the store keeps of a random secret (a session or kiosk token, an enrolment code, a
 * display key): its SHA-256. The secrets are long and random, so no salt or slow hash is needed
 * to make a stolen database useless; a lookup by hash stays an index lookup.
 */
final class Hashes {
    private Hashes() {
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JVM", e);
        }
    }
}
