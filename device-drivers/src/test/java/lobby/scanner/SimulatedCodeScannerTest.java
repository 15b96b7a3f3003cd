package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.Test;

class SimulatedCodeScannerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock("2026-11-22T01:00:00Z");
    private final ScanCollector scans = new ScanCollector();

    private SimulatedCodeScanner reading(InputStream in) {
        SimulatedCodeScanner scanner = new SimulatedCodeScanner("test input", () -> in, () -> { },
                Duration.ofSeconds(3), clock);
        scanner.start(scans);
        return scanner;
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachLineIsAScanRepeatsCountOnceAndTheLastLineNeedsNoNewline() {
        try (SimulatedCodeScanner scanner = reading(text(Frames.APPOINTMENT + "\n" + Frames.APPOINTMENT + "\n"
                + Frames.CHINESE))) {
            assertEquals(new Scan(Frames.APPOINTMENT, "scanner (simulated, test input)", clock.instant()),
                    scans.next(DEADLINE, scanner::health));
            assertEquals(Frames.CHINESE, scans.next(DEADLINE, scanner::health).text());
            DeviceHealth ended = Await.until("end of input", scanner::health,
                    h -> h.state() == State.OFFLINE, DEADLINE);
            assertEquals("test input ended", ended.detail());
            assertEquals(0, scans.waiting());
        }
    }

    @Test
    void garbageIsDiscardedLikeFromARealScanner() {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(new byte[] {'A', (byte) 0x80, '\n'}),
                text("\u0007bell\nA012-77\n"));
        try (SimulatedCodeScanner scanner = reading(in)) {
            assertEquals("A012-77", scans.next(DEADLINE, scanner::health).text());
            assertEquals(0, scans.waiting());
        }
    }

    @Test
    void aFailingStreamIsOfflineSayingWhy() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Input/output error");
            }
        };
        try (SimulatedCodeScanner scanner = reading(broken)) {
            DeviceHealth health = Await.until("offline", scanner::health,
                    h -> h.detail().startsWith("cannot read"), DEADLINE);
            assertEquals("scanner (simulated, test input): OFFLINE (cannot read test input: Input/output error)",
                    health.toString());
        }
    }
}
