package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo's scanner: a named pipe that any shell can write codes into, again and again. */
@Timeout(30) // opening a pipe for writing blocks until a reader is there; fail instead of hanging
class SimulatedCodeScannerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path mkfifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("scanner");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            throw new IOException("mkfifo " + fifo + " failed");
        }
        return fifo;
    }

    private static void echo(String line, Path fifo) throws IOException {
        try (OutputStream out = new FileOutputStream(fifo.toFile())) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void writersComeAndGoAndCloseWakesTheReader() throws Exception {
        Path fifo = mkfifo();
        ScanCollector scans = new ScanCollector();
        SimulatedCodeScanner scanner = SimulatedCodeScanner.namedPipe(fifo);
        scanner.start(scans);
        Await.until("online", scanner::health, h -> h.state() == State.ONLINE, DEADLINE);

        echo(Frames.APPOINTMENT, fifo);
        assertEquals(Frames.APPOINTMENT, scans.next(DEADLINE, scanner::health).text());
        echo(Frames.CHINESE, fifo);
        assertEquals(Frames.CHINESE, scans.next(DEADLINE, scanner::health).text());
        assertEquals(State.ONLINE, scanner.health().state(), "a writer leaving is not the end");

        scanner.close();

        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("scanner (simulated, " + fifo + ")")), "the reader thread ended");
        assertEquals(State.OFFLINE, scanner.health().state());
    }

    @Test
    void aMissingPipeIsOfflineSayingHowToMakeIt() {
        Path fifo = dir.resolve("no-such-pipe");
        try (SimulatedCodeScanner scanner = SimulatedCodeScanner.namedPipe(fifo)) {
            scanner.start(scan -> { });
            DeviceHealth health = Await.until("offline", scanner::health,
                    h -> h.detail().startsWith("cannot read"), DEADLINE);
            assertEquals("cannot read " + fifo + ": missing (create it with mkfifo)", health.detail());
            assertFalse(Files.exists(fifo), "nothing was created in its place");
        }
    }
}
