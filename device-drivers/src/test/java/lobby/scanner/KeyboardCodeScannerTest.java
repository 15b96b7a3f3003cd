package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.Test;

class KeyboardCodeScannerTest {
    private static final long MS = 1_000_000L;
    private final MutableClock clock = new MutableClock("2026-11-22T01:00:00Z");
    private final KeyboardCodeScanner scanner = new KeyboardCodeScanner(Duration.ofSeconds(3), clock);
    private final List<Scan> scans = new ArrayList<>();
    private long now;

    private String type(String keys, long gapMs) {
        StringBuilder typed = new StringBuilder();
        for (char c : keys.toCharArray()) {
            now += gapMs * MS;
            typed.append(scanner.key(c, now));
        }
        return typed.toString();
    }

    @Test
    void scansGoToTheConsumerOnceWithinTheWindowAndTypingComesBack() {
        scanner.start(scans::add);
        assertEquals("", type(Frames.APPOINTMENT + "\r", 4));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("", type(Frames.APPOINTMENT + "\r", 4), "the customer scanned twice");
        assertEquals("hi\r", type("hi\r", 200));

        assertEquals(List.of(new Scan(Frames.APPOINTMENT, "scanner (keyboard)",
                java.time.Instant.parse("2026-11-22T01:00:00Z"))), scans);
        assertEquals(State.ONLINE, scanner.health().state());
    }

    @Test
    void anOverlongBurstDegradesHealth() {
        scanner.start(scans::add);
        type("q".repeat(2000) + "\r", 1);
        assertEquals(State.DEGRADED, scanner.health().state());
        assertEquals("line discarded: keyboard burst of 2000 characters, longer than 1024", scanner.health().detail());
        assertEquals(List.of(), scans);
    }

    @Test
    void theTimerReleasesTyping() {
        scanner.start(scans::add);
        assertEquals("", type("a", 300));
        assertEquals("a", scanner.tick(now + 100 * MS));
    }
}
