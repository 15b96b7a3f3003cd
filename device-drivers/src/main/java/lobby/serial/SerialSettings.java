package lobby.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open a serial port and how long to wait on it, for any device behind one (the ticket
 * printer, a 2D scanner in USB CDC mode, a pseudo-terminal in tests).
 *
 * @param port         device path, e.g. /dev/ttyUSB0, /dev/ttyACM0 or a /dev/serial/by-id/ link
 * @param baudRate     9600 for most thermal printers out of the box; USB CDC devices ignore it
 * @param readTimeout  the longest the link's user waits for bytes in one read: the printer's
 *                     status reply, or how long the scanner's reader idles between stop checks
 * @param writeTimeout the longest wait for written bytes to leave (flow control may hold them)
 */
public record SerialSettings(String port, int baudRate, int dataBits, Parity parity, FlowControl flowControl,
                             Duration readTimeout, Duration writeTimeout) {
    public static final int DEFAULT_BAUD = 9600;
    public static final int DEFAULT_DATA_BITS = 8;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(800);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);

    public enum Parity { NONE, EVEN, ODD }

    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public SerialSettings {
        Objects.requireNonNull(port, "port");
        if (baudRate <= 0) {
            throw new IllegalArgumentException("serial port " + port + ": baud rate must be positive, was " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("serial port " + port + ": data bits must be 5-8, was " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(flowControl, "flowControl");
        requireNotNegative(port, "read timeout", readTimeout);
        requireNotNegative(port, "write timeout", writeTimeout);
    }

    /** 9600 baud, 8 data bits, no parity, no flow control, the default timeouts. */
    public static SerialSettings of(String port) {
        return new SerialSettings(port, DEFAULT_BAUD, DEFAULT_DATA_BITS, Parity.NONE, FlowControl.NONE,
                DEFAULT_READ_TIMEOUT, DEFAULT_WRITE_TIMEOUT);
    }

    static void requireNotNegative(String port, String what, Duration timeout) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("serial port " + port + ": " + what + " must not be negative, was "
                    + timeout.toMillis() + " ms");
        }
    }
}
