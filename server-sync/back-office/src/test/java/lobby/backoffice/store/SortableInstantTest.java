package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortableInstantTest {
    @Test
    void fixedWidthTextRoundTripsAndSortsAsTime() {
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("2025-03-14T08:00:00Z"),
                Instant.parse("2025-03-14T08:00:00.5Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z")));
        for (int i = 0; i < 1_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000)));
        }
        for (Instant at : instants) {
            String text = SortableInstant.format(at);
            assertEquals(SortableInstant.LENGTH, text.length(), text);
            assertEquals(at, SortableInstant.parse(text));
            assertEquals(at, Instant.parse(text), "standard ISO-8601 too");
        }
        assertEquals("2025-03-14T08:00:00.000000000Z", SortableInstant.format(Instant.parse("2025-03-14T08:00:00Z")));
        assertTrue(SortableInstant.format(Instant.parse("2025-03-14T08:00:00Z"))
                .compareTo(SortableInstant.format(Instant.parse("2025-03-14T08:00:00.5Z"))) < 0);
    }

    @Test
    void otherShapesAreReadAsIsoAndNonsenseIsRefused() {
        assertEquals(Instant.parse("2025-03-14T08:00:00Z"), SortableInstant.parse("2025-03-14T08:00:00Z"));
        assertThrows(DateTimeParseException.class, () -> SortableInstant.parse("2025-13-14T08:00:00.000000000Z"));
        assertThrows(DateTimeParseException.class, () -> SortableInstant.parse("yesterday"));
    }
}
