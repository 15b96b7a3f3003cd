package lobby.lamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** A wrong lamp configuration fails at start-up, saying which desk and pin to fix. */
class LampConfigTest {
    @Test
    void lampsOnlyConfigurationGetsTheDefaults() {
        LampConfig config = new LampConfig(Map.of(1, 17), true);
        assertEquals(Map.of(), config.buttonPins());
        assertEquals(Duration.ofSeconds(15), config.greetingTarget());
        assertEquals(Duration.ofSeconds(60), config.escalateAfter());
        assertEquals(Duration.ofMillis(50), config.debounce());
    }

    @Test
    void withersKeepTheRest() {
        LampConfig config = new LampConfig(Map.of(1, 17, 2, 27), true).withButtonPins(Map.of(2, 6))
                .withTimings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(20));
        assertEquals(new LampConfig(Map.of(1, 17, 2, 27), true, Map.of(2, 6), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMillis(20)), config);
    }

    @Test
    void laterChangesToTheCallersMapsDoNotLeakIn() {
        Map<Integer, Integer> pins = new HashMap<>(Map.of(1, 17));
        LampConfig config = new LampConfig(pins, false);
        pins.put(2, 27);
        assertEquals(Map.of(1, 17), config.deskPins());
    }

    @ParameterizedTest(name = "{5}")
    @CsvFileSource(resources = "/lamp/invalid-configs.csv", delimiter = '|', numLinesToSkip = 1)
    void refusedWithAMessageNamingDeskAndPin(String lamps, String buttons, Duration greeting, Duration escalate,
                                             Duration debounce, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LampConfig(pins(lamps), false, pins(buttons), greeting, escalate, debounce));
        assertEquals(message, refused.getMessage());
    }

    /** "1:17 2:27" as desk to pin. */
    private static Map<Integer, Integer> pins(String text) {
        Map<Integer, Integer> pins = new TreeMap<>();
        if (text != null) {
            for (String pair : text.trim().split("\\s+")) {
                String[] parts = pair.split(":");
                pins.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        }
        return pins;
    }
}
