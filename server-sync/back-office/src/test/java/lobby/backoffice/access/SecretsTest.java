package lobby.backoffice.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void codesAreTwelveUnambiguousCharactersInGroupsOfFour() {
        String code = Secrets.enrolmentCode();
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), code);
        assertNotEquals(code, Secrets.enrolmentCode());
    }

    @Test
    void aTypedCodeIsReadAsIssued() {
        assertEquals("K7QX-4MZD-P2AB", Secrets.normaliseCode(" k7qx 4mzd-p2ab "));
        assertEquals("K7QX-4MZD-P2AB", Secrets.normaliseCode("K7QX4MZDP2AB"));
    }

    @Test
    void tokensCarry256RandomBits() {
        String token = Secrets.token();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertNotEquals(token, Secrets.token());
    }
}
