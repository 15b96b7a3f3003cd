package lobby.lamp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge sequences as "+millis:P|R" (pressed or released), and which edges count as presses. */
class DebounceTest {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "0:P;                                   1",
            "0:P 2:R 4:P 7:R 9:P;                   10000",
            "0:P 300:R 301:P 303:R;                 1000",
            "0:P 300:R 350:P;                       101",
            "0:P 300:R 349:P;                       100",
            "0:P 10:R 20:P 30:R 40:P 50:R 60:P;     1000000",
            "0:P 10:R 20:P 30:R 40:P 50:R 100:P;    1000001",
            "0:R 100:P;                             01"})
    void pressesCountOnlyAfterAQuietWindow(String edges, String presses) {
        Debounce debounce = new Debounce(Duration.ofMillis(50));
        StringBuilder counted = new StringBuilder();
        for (String edge : edges.trim().split("\\s+")) {
            String[] parts = edge.split(":");
            boolean pressed = parts[1].equals("P");
            Instant at = T0.plusMillis(Long.parseLong(parts[0]));
            counted.append(debounce.press(pressed, at) ? '1' : '0');
        }
        assertEquals(presses, counted.toString());
    }

    @ParameterizedTest
    @CsvSource({"0:P 1:R 2:P, 101"})
    void zeroWindowCountsEveryPressedEdge(String edges, String presses) {
        Debounce debounce = new Debounce(Duration.ZERO);
        StringBuilder counted = new StringBuilder();
        int i = 0;
        for (String edge : edges.split(" ")) {
            counted.append(debounce.press(edge.endsWith("P"), T0.plusMillis(i++)) ? '1' : '0');
        }
        assertEquals(presses, counted.toString());
    }
}
