package lobby.backoffice.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 from the JDK, a random salt per user, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). The iteration count travels with
 * each hash, so raising {@link #DEFAULT_ITERATIONS} later leaves old hashes verifiable.
 */
public final class Passwords {
    /**
     * OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000; 210,000 (their SHA-512 figure, and
     * about 0.1 s here) keeps a login quick on a small dealership server. Tests pass a lower
     * count through the constructor.
     */
    public static final int DEFAULT_ITERATIONS = 210_000;
    /** Below this a hash is a test's, never a real one. */
    static final int MIN_ITERATIONS = 1_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BITS = 256;
    private static final String SCHEME = "pbkdf2-sha256";

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    /**
     * Checked against when the user does not exist, so that the answer takes as long either way;
     * made on first need, so starting a server costs no hashing.
     */
    private volatile String decoy;

    public Passwords(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations, was "
                    + iterations);
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations));
    }

    /** @param stored a hash from {@link #hash}, or null for an unknown user (then always false, as slowly) */
    public boolean matches(String password, String stored) {
        if (stored == null && decoy == null) {
            decoy = hash("decoy password nobody has");
        }
        String[] parts = (stored == null ? decoy : stored).split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            boolean same = MessageDigest.isEqual(expected, pbkdf2(password, salt, n));
            return same && stored != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
