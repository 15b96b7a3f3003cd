package lobby.backoffice.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(Passwords.MIN_ITERATIONS);

    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedPerUser() {
        String hash = passwords.hash("demo-pass-1");
        assertTrue(hash.matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertTrue(passwords.matches("demo-pass-1", hash));
        assertFalse(passwords.matches("demo-pass-2", hash));
        assertFalse(passwords.matches("", hash));
        assertNotEquals(hash, passwords.hash("demo-pass-1"), "a fresh salt each time");
    }

    @Test
    void theIterationCountTravelsWithTheHash() {
        String cheap = passwords.hash("secret");
        assertTrue(new Passwords(2 * Passwords.MIN_ITERATIONS).matches("secret", cheap));
        assertTrue(Passwords.DEFAULT_ITERATIONS >= 100_000);
    }

    @Test
    void unknownUsersAndDamagedHashesNeverMatch() {
        assertFalse(passwords.matches("decoy password nobody has", null));
        assertFalse(passwords.matches("x", "md5$abc"));
        assertFalse(passwords.matches("x", "pbkdf2-sha256$many$@@$@@"));
        assertThrows(IllegalArgumentException.class, () -> new Passwords(10));
    }
}
