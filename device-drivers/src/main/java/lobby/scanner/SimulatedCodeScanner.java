package lobby.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scanner for demos and tests without hardware: lines of text from a stream, one scan per
 * line, through the same line rules (UTF-8, length, control bytes) and repeat window as a real
 * scanner. Chosen by configuration, never as a silent fallback.
 */
public final class SimulatedCodeScanner implements CodeScanner {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCodeScanner.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(2);

    /** Opens the stream on the reader thread (a named pipe may block until a writer comes). */
    @FunctionalInterface
    interface Input {
        InputStream open() throws IOException;
    }

    private final String what;
    private final Input input;
    private final Runnable wake;
    private final ScanDispatch dispatch;
    private final ReaderThread reader;

    SimulatedCodeScanner(String what, Input input, Runnable wake, Duration repeatWindow, Clock clock) {
        this.what = what;
        this.input = Objects.requireNonNull(input, "input");
        this.wake = wake;
        this.dispatch = new ScanDispatch("scanner (simulated, " + what + ")", repeatWindow, clock);
        this.reader = new ReaderThread(dispatch.device(), this::readLoop);
        LOG.info("{}: simulated scanner, one scan per line of {}", dispatch.device(), what);
    }

    /**
     * Lines from a stream, e.g. {@code System.in}; when it ends the scanner closes it and goes
     * OFFLINE. A reader blocked on a stream that never ends is left behind by {@link #close()} as a
     * daemon thread.
     */
    public static SimulatedCodeScanner reading(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        return new SimulatedCodeScanner(name, () -> in, () -> { }, RepeatFilter.DEFAULT_WINDOW, Clock.systemUTC());
    }

    /**
     * Lines written to a named pipe ({@code mkfifo /run/kiosk/scanner}, then
     * {@code echo CODE > /run/kiosk/scanner}, as often as you like), or read once from a plain file.
     * The pipe is opened for reading and writing, so opening never blocks and a writer going away
     * is not the end; {@link #close()} writes a newline into it to wake the reader.
     */
    public static SimulatedCodeScanner namedPipe(Path fifo) {
        AtomicReference<RandomAccessFile> open = new AtomicReference<>();
        Input input = () -> {
            if (!Files.exists(fifo)) {
                throw new IOException("missing (create it with mkfifo)");
            }
            RandomAccessFile file = new RandomAccessFile(fifo.toFile(), "rw");
            open.set(file);
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    return file.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return file.read(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    file.close();
                }
            };
        };
        Runnable wake = () -> {
            RandomAccessFile file = open.get();
            try {
                if (file != null && !Files.isRegularFile(fifo)) {
                    file.write('\n'); // never into a plain file: that would change the demo's script
                }
            } catch (IOException e) {
                LOG.debug("waking the reader of {}: {}", fifo, e.toString());
            }
        };
        return new SimulatedCodeScanner(fifo.toString(), input, wake, RepeatFilter.DEFAULT_WINDOW, Clock.systemUTC());
    }

    @Override
    public void start(Consumer<Scan> onScan) {
        dispatch.start(onScan);
        reader.start();
    }

    @Override
    public DeviceHealth health() {
        return dispatch.health().current();
    }

    @Override
    public void close() {
        reader.requestStop();
        wake.run();
        reader.stop(STOP_DEADLINE);
        dispatch.health().update(State.OFFLINE, "closed");
    }

    private void readLoop(ReaderThread thread) {
        LineSplitter lines = new LineSplitter();
        LineSplitter.Sink sink = new LineSplitter.Sink() {
            @Override
            public void line(String text) {
                if (!thread.stopping()) {
                    dispatch.text(text);
                }
            }

            @Override
            public void rejected(String reason) {
                dispatch.discard(reason);
            }
        };
        byte[] buffer = new byte[4096];
        try (InputStream in = input.open()) {
            dispatch.health().update(State.ONLINE, "");
            int n;
            while (!thread.stopping() && (n = in.read(buffer)) >= 0) {
                lines.feed(buffer, n, sink);
            }
            lines.finish(sink);
            dispatch.health().update(State.OFFLINE, what + " ended");
        } catch (IOException e) {
            if (!thread.stopping()) {
                dispatch.health().update(State.OFFLINE, "cannot read " + what + ": " + e.getMessage());
            }
        }
    }
}
