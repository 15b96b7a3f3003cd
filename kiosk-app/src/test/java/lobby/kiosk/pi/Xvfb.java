package lobby.kiosk.pi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An X display for the emulated Pi's window: Debian's Xvfb on the first free display number,
 * local connections only, at the kiosk screen's size.
 */
final class Xvfb implements AutoCloseable {
    private static final Duration START_DEADLINE = Duration.ofSeconds(20);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    private final Process process;
    private final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** Starts Xvfb and returns once it accepts clients; its messages go to {@code log}. */
    static Xvfb start(Path log) throws IOException, InterruptedException {
        Process p;
        try {
            // -displayfd 1: Xvfb picks a free number and writes it to stdout once it listens.
            p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                    "-noreset").redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("Xvfb is missing: install xvfb (.ci/system-packages does as root)", e);
        }
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = number.get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null || !n.strip().matches("\\d+")) {
                throw new AssertionError("Xvfb did not start (said '" + n + "'); see " + log);
            }
            return new Xvfb(p, ":" + n.strip());
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("Xvfb did not start within " + START_DEADLINE.toMillis() + " ms; see " + log, e);
        }
    }

    /** DISPLAY for clients, e.g. ":1". */
    String display() {
        return display;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
