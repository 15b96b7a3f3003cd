package lobby.checkin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payload of an appointment QR code: {@code LKA1.<site>.<yyyyMMdd>.<appointment>.<mac>},
 * where mac is the first 16 bytes of HMAC-SHA256 over "site.yyyyMMdd.appointment" with the
 * site's secret, in base64url. A kiosk holding the site key verifies it offline; nobody can
 * forge or guess one. The day travels in the code so that a kiosk, which only keeps today's
 * appointments, can still tell a customer that theirs is on another day.
 */
public final class AppointmentCode {
    static final String PREFIX = "LKA1";
    private static final int MAC_BYTES = 16;
    private static final int MAX_PAYLOAD = 256;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The outcome of reading a scanned payload; only {@link Valid} names an appointment. */
    public sealed interface Read permits Valid, NotOurs, Malformed, Forged, OtherSite {
    }

    public record Valid(String siteId, LocalDate day, String appointmentId) implements Read {
    }

    /** Well formed, for another shop: this kiosk cannot check it, but can say where it belongs. */
    public record OtherSite(String siteId) implements Read {
    }

    /** Some other QR code (a web link, a payment code): not an appointment of ours. */
    public record NotOurs(String preview) implements Read {
    }

    /** Ours by its prefix, but damaged or truncated. */
    public record Malformed(String reason) implements Read {
    }

    /** Well formed for this site, but the signature does not match: altered or made up. */
    public record Forged(String siteId) implements Read {
    }

    private AppointmentCode() {
    }

    public static String payload(String siteId, LocalDate day, String appointmentId, byte[] siteKey) {
        check(siteId, "site id");
        check(appointmentId, "appointment id");
        String body = siteId + "." + DAY.format(day) + "." + appointmentId;
        return PREFIX + "." + body + "." + mac(body, siteKey);
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
        if (parts.length != 5 || parts[1].isEmpty() || parts[3].isEmpty() || parts[4].isEmpty()) {
            return new Malformed("expected 5 dot-separated parts, found " + parts.length);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(parts[2], DAY);
        } catch (DateTimeParseException e) {
            return new Malformed("'" + parts[2] + "' is not a day (yyyyMMdd)");
        }
        if (!parts[1].equals(expectedSite)) {
            return new OtherSite(parts[1]);
        }
        String body = parts[1] + "." + parts[2] + "." + parts[3];
        byte[] expected = mac(body, siteKey).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts[4].getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Forged(parts[1]);
        }
        return new Valid(parts[1], day, parts[3]);
    }

    private static void check(String part, String what) {
        if (part == null || part.isEmpty() || part.contains(".") || part.length() > 64) {
            throw new IllegalArgumentException(what + " must be 1-64 characters without dots: " + part);
        }
    }

    private static String mac(String body, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            byte[] cut = new byte[MAC_BYTES];
            System.arraycopy(full, 0, cut, 0, MAC_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cut);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JVM", e);
        }
    }
}
