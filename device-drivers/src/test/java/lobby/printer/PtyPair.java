package lobby.printer;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals from socat, standing in for a serial cable: the kiosk opens
 * {@link #kioskPath()}, a {@link FakePrinter} opens {@link #printerPath()}. Starting a pair in the
 * folder of a closed one recreates the same paths, like a printer plugged back in.
 *
 * <p>Needs socat on the PATH (the build's .ci/system-packages installs it); without it the
 * tests fail and say so rather than being skipped.
 */
public final class PtyPair implements AutoCloseable {
    public static final Duration START_DEADLINE = Duration.ofSeconds(10);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);
    /** socat logs this (at -d -d) once both ptys exist and their links are made. */
    private static final String READY_LINE = "starting data transfer loop";

    private final Process socat;
    private final Path dir;
    private final boolean ownsDir;
    private final StringBuffer log = new StringBuffer();
    private final CountDownLatch readyOrGone = new CountDownLatch(1);
    private volatile boolean ready;

    private PtyPair(String socat, Path dir, boolean ownsDir) throws IOException {
        this.dir = dir;
        this.ownsDir = ownsDir;
        Files.deleteIfExists(kioskPath());
        Files.deleteIfExists(printerPath());
        this.socat = new ProcessBuilder(socat, "-d", "-d",
                "pty,raw,echo=0,link=" + kioskPath(), "pty,raw,echo=0,link=" + printerPath())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread logReader = new Thread(this::readLog, "socat log " + dir);
        logReader.setDaemon(true);
        logReader.start();
    }

    /** A pair in a new temporary folder. */
    public static PtyPair start() throws IOException {
        String socat = socat();
        return start(new PtyPair(socat, Files.createTempDirectory("pty"), true));
    }

    /** A pair whose links are DIR/ttyKIOSK and DIR/ttyPRINTER; returns once both are usable. */
    public static PtyPair start(Path dir) throws IOException {
        return start(new PtyPair(socat(), dir, false));
    }

    private static PtyPair start(PtyPair pair) throws IOException {
        try {
            pair.awaitReady();
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    public Path dir() {
        return dir;
    }

    public Path kioskPath() {
        return dir.resolve("ttyKIOSK");
    }

    public Path printerPath() {
        return dir.resolve("ttyPRINTER");
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    /** Stops socat; the ptys hang up on both ends and the links go away. */
    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                socat.destroyForcibly().waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
            Files.deleteIfExists(kioskPath());
            Files.deleteIfExists(printerPath());
            if (ownsDir) {
                Files.deleteIfExists(dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "socat " + dir + (socat.isAlive() ? "" : " (exited)") + ":\n" + log;
    }

    private void awaitReady() throws IOException {
        boolean answered;
        try {
            answered = readyOrGone.await(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + this, e);
        }
        if (!answered || !ready) {
            throw new IOException((answered ? "socat exited" : "socat not ready within " + START_DEADLINE.toMillis()
                    + " ms") + ": " + this);
        }
        if (!Files.exists(kioskPath()) || !Files.exists(printerPath())) {
            throw new IOException("socat is ready but the links are missing: " + this);
        }
    }

    private void readLog() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                log.append(line).append('\n');
                if (line.contains(READY_LINE)) {
                    ready = true;
                    readyOrGone.countDown();
                }
            }
        } catch (IOException e) {
            log.append("reading socat's log: ").append(e).append('\n');
        } finally {
            readyOrGone.countDown();
        }
    }

    private static String socat() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "socat");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("socat is not on the PATH, and the serial-port tests need it to make a"
                + " pty pair: install it (as root: .ci/system-packages, or apt-get install socat)");
    }
}
