package lobby.checkin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payload of an appointment QR code: {@code LKA1.<site>.<appointment>.<mac>}, where mac is
 * the first 16 bytes of HMAC-SHA256 over "site.appointment" with the site's secret, in
 * base64url. A kiosk holding the site key verifies it offline; nobody can forge or guess one.
 */
public final class AppointmentCode {
    static final String PREFIX = "LKA1";
    private static final int MAC_BYTES = 16;
    private static final int MAX_PAYLOAD = 256;

    /** The outcome of reading a scanned payload; only {@link Valid} names an appointment. */
    public sealed interface Read permits Valid, NotOurs, Malformed, Forged {
    }

    public record Valid(String siteId, String appointmentId) implements Read {
    }

    /** Some other QR code (a web link, a payment code): not an appointment of ours. */
    public record NotOurs(String preview) implements Read {
    }

    /** Ours by its prefix, but damaged or truncated. */
    public record Malformed(String reason) implements Read {
    }

    /** Well formed, but the signature does not match this site's key (or another site's code). */
    public record Forged(String siteId) implements Read {
    }

    private AppointmentCode() {
    }

    public static String payload(String siteId, String appointmentId, byte[] siteKey) {
        check(siteId, "site id");
        check(appointmentId, "appointment id");
        return PREFIX + "." + siteId + "." + appointmentId + "." + mac(siteId, appointmentId, siteKey);
    }

    public static Read read(String scanned, String expectedSite, byte[] siteKey) {
        if (scanned == null || scanned.isBlank()) {
            return new Malformed("empty scan");
        }
        String s = scanned.strip();
        if (!s.startsWith(PREFIX + ".")) {
            return new NotOurs(s.length() > 24 ? s.substring(0, 24) + "…" : s);
        }
        if (s.length() > MAX_PAYLOAD) {
            return new Malformed("payload too long (" + s.length() + " characters)");
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4 || parts[1].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
            return new Malformed("expected 4 dot-separated parts, found " + parts.length);
        }
        if (!parts[1].equals(expectedSite)) {
            return new Forged(parts[1]);
        }
        byte[] expected = mac(parts[1], parts[2], siteKey).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts[3].getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Forged(parts[1]);
        }
        return new Valid(parts[1], parts[2]);
    }

    private static void check(String part, String what) {
        if (part == null || part.isEmpty() || part.contains(".") || part.length() > 64) {
            throw new IllegalArgumentException(what + " must be 1-64 characters without dots: " + part);
        }
    }

    private static String mac(String siteId, String appointmentId, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal((siteId + "." + appointmentId).getBytes(StandardCharsets.UTF_8));
            byte[] cut = new byte[MAC_BYTES];
            System.arraycopy(full, 0, cut, 0, MAC_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cut);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JVM", e);
        }
    }
}
