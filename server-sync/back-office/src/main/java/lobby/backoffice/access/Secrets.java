package lobby.backoffice.access;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets: tokens for machines and sessions, and enrolment codes a technician can type. */
public final class Secrets {
    /** 256 bits: beyond guessing, whatever the rate limit. */
    static final int TOKEN_BYTES = 32;
    /** Crockford's base32 alphabet: no I, L, O or U to misread. */
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** 12 characters of 5 bits: 60 bits, typed as XXXX-XXXX-XXXX, used once within a day. */
    static final int CODE_CHARS = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String enrolmentCode() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < CODE_CHARS; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return out.toString();
    }

    /** A code as typed (lower case, spaces, without dashes) in the form it was issued. */
    public static String normaliseCode(String typed) {
        String bare = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bare.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(bare.charAt(i));
        }
        return out.toString();
    }
}
