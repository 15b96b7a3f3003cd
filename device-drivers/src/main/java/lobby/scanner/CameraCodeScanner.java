package lobby.scanner;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lobby.device.DeviceException;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera as a code scanner: frames from a command such as rpicam-vid, each searched for a QR
 * code on the scanner's own thread. A phone held up is read in frame after frame; the repeat
 * window makes that one scan. When the command ends or cannot start, health says why (naming the
 * command) and it is run again after the restart delay.
 *
 * <p>Frames are taken one at a time: while one is decoded, the command waits on the full pipe,
 * so a slow Pi reads fewer frames instead of falling behind.
 */
public final class CameraCodeScanner implements CodeScanner {
    private static final Logger LOG = LoggerFactory.getLogger(CameraCodeScanner.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    private final FrameSource.Opener opener;
    private final Duration restartDelay;
    private final ScanDispatch dispatch;
    private final ReaderThread reader;
    private final AtomicReference<FrameSource> running = new AtomicReference<>();

    public CameraCodeScanner(CameraConfig config) {
        this("camera " + config.program(), () -> ProcessFrameSource.start(config), config.repeatWindow(),
                config.restartDelay(), Clock.systemUTC());
        LOG.info("{}: {}x{} frames from `{}`, repeats within {} ms count once, restarted after {} ms; started on"
                + " start", dispatch.device(), config.width(), config.height(), String.join(" ", config.command()),
                config.repeatWindow().toMillis(), config.restartDelay().toMillis());
    }

    CameraCodeScanner(String device, FrameSource.Opener opener, Duration repeatWindow, Duration restartDelay,
                      Clock clock) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.restartDelay = ScannerConfigs.requirePositive("camera restart delay", restartDelay);
        this.dispatch = new ScanDispatch(device, repeatWindow, clock);
        this.reader = new ReaderThread(device, this::readLoop);
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
        FrameSource source = running.get();
        if (source != null) {
            source.close(); // ends a next() waiting for the command's output
        }
        reader.stop(STOP_DEADLINE);
        dispatch.health().update(State.OFFLINE, "closed");
    }

    private void readLoop(ReaderThread thread) {
        QrFrameDecoder decoder = new QrFrameDecoder();
        while (!thread.stopping()) {
            FrameSource source;
            try {
                source = opener.open();
            } catch (RuntimeException e) {
                offline(e instanceof DeviceException ? e.getMessage() : "cannot start: " + e);
                thread.pause(restartDelay);
                continue;
            }
            running.set(source);
            try (source) {
                if (thread.stopping()) {
                    return; // closed while the command was starting
                }
                dispatch.health().update(State.DEGRADED, "started, waiting for the first frame");
                long frames = 0;
                Optional<Frame> frame;
                while (!thread.stopping() && (frame = source.next()).isPresent()) {
                    if (frames++ == 0) {
                        dispatch.health().update(State.ONLINE, "");
                    }
                    decoder.decode(frame.get()).ifPresent(dispatch::text);
                }
                if (!thread.stopping()) {
                    offline(source.ended() + " (" + frames + " frames)");
                }
            } catch (DeviceException e) {
                offline(e.getMessage());
            } catch (RuntimeException e) {
                // Not expected from a frame source, but the camera must outlive it: report, restart, go on.
                LOG.error("{}: unexpected failure while reading frames", dispatch.device(), e);
                offline("unexpected failure: " + e);
            } finally {
                running.set(null);
            }
            thread.pause(restartDelay);
        }
    }

    private void offline(String detail) {
        dispatch.health().update(State.OFFLINE, detail);
        LOG.debug("{}: trying again in {} ms", dispatch.device(), restartDelay.toMillis());
    }
}
