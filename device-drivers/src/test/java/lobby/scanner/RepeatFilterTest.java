package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatFilterTest {
    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
    private final RepeatFilter filter = new RepeatFilter(Duration.ofSeconds(3));

    @Test
    void theSameCodeWithinTheWindowCountsOnce() {
        assertTrue(filter.firstSighting("A", T0));
        assertFalse(filter.firstSighting("A", T0.plusMillis(2999)));
    }

    @Test
    void theWindowSlidesWhileTheCodeKeepsBeingSeen() {
        assertTrue(filter.firstSighting("A", T0));
        for (int s = 2; s <= 20; s += 2) {
            assertFalse(filter.firstSighting("A", T0.plusSeconds(s)), "a phone held up, seen again at " + s + " s");
        }
        assertTrue(filter.firstSighting("A", T0.plusSeconds(23)), "taken away for the whole window, shown again");
    }

    @Test
    void theWindowEndsExactlyAtItsLength() {
        assertTrue(filter.firstSighting("A", T0));
        assertTrue(filter.firstSighting("A", T0.plusSeconds(3)));
    }

    @Test
    void differentCodesDoNotHideEachOther() {
        assertTrue(filter.firstSighting("A", T0));
        assertTrue(filter.firstSighting("B", T0.plusMillis(10)));
        assertFalse(filter.firstSighting("A", T0.plusMillis(20)));
        assertFalse(filter.firstSighting("B", T0.plusMillis(30)));
    }

    @Test
    void memoryIsBoundedByForgettingTheOldest() {
        for (int i = 0; i <= RepeatFilter.MAX_REMEMBERED; i++) {
            assertTrue(filter.firstSighting("code " + i, T0));
        }
        assertTrue(filter.firstSighting("code 0", T0), "the oldest was forgotten");
        assertFalse(filter.firstSighting("code " + RepeatFilter.MAX_REMEMBERED, T0));
    }

    @Test
    void aWindowMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RepeatFilter(Duration.ZERO));
        assertEquals("scanner repeat window must be positive, was 0 ms", e.getMessage());
    }
}
