package lobby.scanner;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import lobby.device.DeviceException;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import lobby.serial.SerialLink;
import lobby.serial.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 2D scanner on a serial port (USB CDC mode or RS-232), read line by line as UTF-8 through the
 * same serial link as the printer. The port is opened when started and again after any failure,
 * so the kiosk starts without a scanner and survives a re-plug.
 */
public final class SerialCodeScanner implements CodeScanner {
    private static final Logger LOG = LoggerFactory.getLogger(SerialCodeScanner.class);
    private static final int READ_CHUNK = 256;

    private final SerialScannerConfig config;
    private final SerialSettings settings;
    private final SerialLink.Opener opener;
    private final ScanDispatch dispatch;
    private final ReaderThread reader;

    public SerialCodeScanner(SerialScannerConfig config) {
        this(config, SerialLink::open, Clock.systemUTC());
    }

    SerialCodeScanner(SerialScannerConfig config, SerialLink.Opener opener, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = config.serialSettings();
        this.opener = Objects.requireNonNull(opener, "opener");
        this.dispatch = new ScanDispatch("scanner " + config.port(), config.repeatWindow(), clock);
        this.reader = new ReaderThread("scanner " + config.port(), this::readLoop);
        LOG.info("{}: serial, {} baud, lines as UTF-8 up to {} bytes, repeats within {} ms count once; opened on start",
                dispatch.device(), config.baudRate(), LineSplitter.MAX_LINE_BYTES, config.repeatWindow().toMillis());
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
        reader.stop(SerialScannerConfig.READ_WAIT.multipliedBy(5));
        dispatch.health().update(State.OFFLINE, "closed");
    }

    private void readLoop(ReaderThread thread) {
        LineSplitter lines = new LineSplitter();
        LineSplitter.Sink sink = new LineSplitter.Sink() {
            @Override
            public void line(String text) {
                dispatch.text(text);
            }

            @Override
            public void rejected(String reason) {
                dispatch.discard(reason);
            }
        };
        while (!thread.stopping()) {
            SerialLink link;
            try {
                link = opener.open(settings);
            } catch (RuntimeException e) {
                offline(e instanceof DeviceException ? e.getMessage() : "cannot open: " + e);
                thread.pause(config.reopenDelay());
                continue;
            }
            dispatch.health().update(State.ONLINE, "");
            lines.reset(); // a half line from before a re-plug is not the start of the next code
            // An unplugged device (USB CDC, or a pseudo-terminal hanging up) makes the read fail.
            try (link) {
                while (!thread.stopping()) {
                    lines.feed(link.read(READ_CHUNK, SerialScannerConfig.READ_WAIT), sink);
                }
            } catch (DeviceException e) {
                offline(e.getMessage());
                thread.pause(config.reopenDelay());
            } catch (RuntimeException e) {
                // Not expected from the link, but the scanner must outlive it: report, reopen, go on.
                LOG.error("{}: unexpected failure while reading", dispatch.device(), e);
                offline("unexpected failure: " + e);
                thread.pause(config.reopenDelay());
            }
        }
    }

    private void offline(String detail) {
        dispatch.health().update(State.OFFLINE, detail);
        LOG.debug("{}: trying again in {} ms", dispatch.device(), config.reopenDelay().toMillis());
    }
}
