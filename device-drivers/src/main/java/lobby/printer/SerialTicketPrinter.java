package lobby.printer;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import lobby.device.DeviceException;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import lobby.serial.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lobby's ESC/POS thermal printer. The port is opened on first use and again after any
 * failure, so the kiosk starts without a printer and survives a re-plug. Nothing is thrown to
 * the caller: every problem comes back as health naming the port.
 *
 * <p>Around each job the printer is asked for its real-time status (DLE EOT 1-4). A ticket
 * counts as printed only when the whole job was written and the status after it shows no fault.
 * The status right after the job reflects the paper before the ticket came out, so a roll that
 * runs out during this very ticket shows up on the next one.
 */
public final class SerialTicketPrinter implements TicketPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(SerialTicketPrinter.class);
    static final String STATUS_UNKNOWN = "status unknown: a USB printer-class device cannot report paper or cover";

    private final PrinterConfig config;
    private final SerialLink.Opener opener;
    private final Clock clock;
    private final String device;
    private SerialLink link;
    private DeviceHealth health;

    /** A printer on a serial port (RS-232, USB-serial adapter, or a pseudo-terminal in tests). */
    public SerialTicketPrinter(PrinterConfig config) {
        this(config, SerialLink::open, Clock.systemUTC());
    }

    /** A USB printer-class device such as /dev/usb/lp0: bytes go out, no status comes back. */
    public static SerialTicketPrinter usbFile(PrinterConfig config) {
        return new SerialTicketPrinter(config, UsbPrinterFileLink::open, Clock.systemUTC());
    }

    SerialTicketPrinter(PrinterConfig config, SerialLink.Opener opener, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.opener = opener;
        this.clock = clock;
        this.device = "printer " + config.port();
        this.health = new DeviceHealth(device, State.OFFLINE, "not contacted yet", clock.instant());
        LOG.info("{}: {} baud, {} data bits, parity {}, flow control {}, replies within {} ms; opened on first use",
                device, config.baudRate(), config.dataBits(), config.parity(), config.flowControl(),
                config.replyTimeout().toMillis());
    }

    @Override
    public synchronized PrintOutcome print(TicketLayout ticket) {
        byte[] job;
        try {
            job = StandardTicket.encode(ticket);
        } catch (IllegalArgumentException e) {
            return PrintOutcome.failed(health, "ticket " + ticket.number() + " cannot be encoded: " + e.getMessage());
        }
        try {
            SerialLink link = link();
            if (!link.readable()) {
                link.write(job);
                return PrintOutcome.ok(update(State.ONLINE, STATUS_UNKNOWN));
            }
            PrinterStatus before = status(link);
            if (before.blocksPrinting()) {
                return PrintOutcome.failed(update(before.state(), before.detail()), "not printed: " + before.detail());
            }
            link.write(job);
            PrinterStatus after = status(link);
            DeviceHealth now = update(after.state(), after.detail());
            return after.blocksPrinting()
                    ? PrintOutcome.failed(now, "printer reported " + after.detail() + " after the ticket")
                    : PrintOutcome.ok(now);
        } catch (DeviceException e) {
            dropLink();
            return PrintOutcome.failed(update(State.OFFLINE, e.getMessage()), e.getMessage());
        }
    }

    /** Asks the printer (bounded by the reply timeout), so call it off the UI thread. */
    @Override
    public synchronized DeviceHealth health() {
        try {
            SerialLink link = link();
            if (!link.readable()) {
                return update(State.ONLINE, STATUS_UNKNOWN);
            }
            PrinterStatus status = status(link);
            return update(status.state(), status.detail());
        } catch (DeviceException e) {
            dropLink();
            return update(State.OFFLINE, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        dropLink();
    }

    private SerialLink link() {
        if (link == null) {
            link = opener.open(config.serialSettings());
        }
        return link;
    }

    private void dropLink() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    /** One request at a time, so each reply is known to answer its own question. */
    private PrinterStatus status(SerialLink link) {
        int[] replies = new int[4];
        for (int n = 1; n <= 4; n++) {
            link.read(64, Duration.ZERO); // a late reply to an earlier, timed-out request
            link.write(EscPosEncoder.statusRequest(n));
            byte[] reply = link.read(1, config.replyTimeout());
            if (reply.length == 0) {
                throw new DeviceException("no reply from printer on " + config.port() + " after "
                        + config.replyTimeout().toMillis() + " ms");
            }
            replies[n - 1] = reply[0] & 0xFF;
            if (!PrinterStatus.wellFormed(replies[n - 1])) {
                throw new DeviceException(String.format("printer on %s answered DLE EOT %d with 0x%02X, not a status"
                        + " byte (baud rate %d right?)", config.port(), n, replies[n - 1], config.baudRate()));
            }
        }
        return PrinterStatus.of(replies);
    }

    /** Keeps {@code since} while nothing changes, so the screen can say how long a fault has lasted. */
    private DeviceHealth update(State state, String detail) {
        if (health.state() != state || !health.detail().equals(detail)) {
            health = new DeviceHealth(device, state, detail, clock.instant());
            if (state == State.ONLINE) {
                LOG.info("{}", health);
            } else {
                LOG.warn("{}", health);
            }
        }
        return health;
    }
}
