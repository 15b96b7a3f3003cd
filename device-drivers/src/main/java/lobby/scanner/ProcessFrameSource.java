package lobby.scanner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lobby.device.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a command writing raw YUV420 to its standard output (rpicam-vid on a Pi). Only the
 * luminance plane is kept. The command's error output is drained all along (a full pipe would
 * stall it) and its last lines explain, in health, why it ended: rpicam-vid says "no cameras
 * available" there when the ribbon cable is loose.
 */
final class ProcessFrameSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessFrameSource.class);
    private static final int STDERR_LINES_KEPT = 20;
    private static final long EXIT_WAIT_MILLIS = 2000;

    private final CameraConfig config;
    private final Process process;
    private final InputStream output;
    private final long startedNanos = System.nanoTime();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final byte[] colour;
    private final Thread stderrReader;
    private volatile String ended = "";
    private volatile boolean closed;

    private ProcessFrameSource(CameraConfig config, Process process) {
        this.config = config;
        this.process = process;
        this.output = process.getInputStream();
        this.colour = new byte[config.frameBytes() - config.width() * config.height()];
        this.stderrReader = new Thread(this::drainErrors, config.program() + " stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /** Runs the command; one that cannot run is a DeviceException naming it. */
    static FrameSource start(CameraConfig config) {
        Process process;
        try {
            process = new ProcessBuilder(config.command()).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new DeviceException("camera command " + config.program() + " cannot run (not installed, or not on"
                    + " the PATH?): " + why, e);
        }
        LOG.info("camera: started {} (pid {}), {}x{} frames of {} bytes", String.join(" ", config.command()),
                process.pid(), config.width(), config.height(), config.frameBytes());
        return new ProcessFrameSource(config, process);
    }

    @Override
    public Optional<Frame> next() {
        if (!ended.isEmpty()) {
            return Optional.empty();
        }
        byte[] luminance = new byte[config.width() * config.height()];
        int read = 0;
        try {
            read = output.readNBytes(luminance, 0, luminance.length);
            if (read == luminance.length) {
                read += output.readNBytes(colour, 0, colour.length);
            }
            if (read == config.frameBytes()) {
                return Optional.of(new Frame(config.width(), config.height(), luminance));
            }
            end(read, null);
        } catch (IOException e) {
            end(read, e);
        }
        return Optional.empty();
    }

    @Override
    public String ended() {
        return ended;
    }

    /** Stops the command (and anything it started, for a shell script), which also ends a waiting {@link #next()}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            output.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            LOG.debug("closing {}'s output: {}", config.program(), e.toString());
        }
    }

    private void end(int partial, IOException failure) {
        if (closed) {
            ended = config.program() + " stopped";
            return;
        }
        StringBuilder why = new StringBuilder(config.program());
        try {
            if (process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                why.append(" exited with status ").append(process.exitValue());
                stderrReader.join(EXIT_WAIT_MILLIS); // its last words may still be in the pipe
            } else {
                why.append(failure != null ? " output failed (" + failure.getMessage() + ")" : " closed its output");
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why.append(" stopped waiting (interrupted)");
        }
        why.append(String.format(" after %.1f s", (System.nanoTime() - startedNanos) / 1e9));
        if (partial > 0) {
            why.append(", mid-frame (").append(partial).append(" of ").append(config.frameBytes()).append(" bytes)");
        }
        String said = lastWords();
        if (!said.isEmpty()) {
            why.append(": ").append(said);
        }
        ended = why.toString();
    }

    /** The last error line the command wrote, or else its last line: libcamera logs many INFO lines first. */
    private String lastWords() {
        synchronized (stderrTail) {
            String last = "";
            for (String line : stderrTail) {
                if (line.contains("ERROR") || last.isEmpty() || !last.contains("ERROR")) {
                    last = line;
                }
            }
            return last;
        }
    }

    private void drainErrors() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                LOG.debug("{}: {}", config.program(), line);
                if (line.isBlank()) {
                    continue;
                }
                synchronized (stderrTail) {
                    stderrTail.addLast(line.strip());
                    if (stderrTail.size() > STDERR_LINES_KEPT) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("{}'s error output: {}", config.program(), e.toString());
        }
    }
}
