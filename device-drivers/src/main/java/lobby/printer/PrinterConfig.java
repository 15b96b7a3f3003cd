package lobby.printer;

import java.time.Duration;
import java.util.Objects;
import lobby.serial.SerialSettings;

/**
 * How to reach the ticket printer. The port itself is opened through {@link #serialSettings()}, the
 * same serial link the scanner uses; the enums stay here because the kiosk's configuration names them.
 *
 * @param port          serial device path, e.g. /dev/ttyUSB0 or a /dev/serial/by-id/ link
 * @param baudRate      9600 for most thermal printers out of the box
 * @param replyTimeout  the longest wait for a status reply before the printer counts as silent
 * @param writeTimeout  the longest wait for a job's bytes to leave (flow control may hold them)
 */
public record PrinterConfig(String port, int baudRate, int dataBits, Parity parity, FlowControl flowControl,
                            Duration replyTimeout, Duration writeTimeout) {
    public static final int DEFAULT_BAUD = SerialSettings.DEFAULT_BAUD;
    public static final Duration DEFAULT_REPLY_TIMEOUT = SerialSettings.DEFAULT_READ_TIMEOUT;
    public static final Duration DEFAULT_WRITE_TIMEOUT = SerialSettings.DEFAULT_WRITE_TIMEOUT;

    public enum Parity { NONE, EVEN, ODD }

    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public PrinterConfig {
        Objects.requireNonNull(port, "port");
        if (baudRate <= 0) {
            throw new IllegalArgumentException("printer baud rate must be positive, was " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("printer data bits must be 5-8, was " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(flowControl, "flowControl");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (replyTimeout.isNegative() || writeTimeout.isNegative()) {
            throw new IllegalArgumentException("printer timeouts must not be negative, were reply "
                    + replyTimeout.toMillis() + " ms, write " + writeTimeout.toMillis() + " ms");
        }
    }

    /** The port as the serial link opens it; the reply timeout is the link's read timeout. */
    public SerialSettings serialSettings() {
        return new SerialSettings(port, baudRate, dataBits, SerialSettings.Parity.valueOf(parity.name()),
                SerialSettings.FlowControl.valueOf(flowControl.name()), replyTimeout, writeTimeout);
    }

    public static PrinterConfig of(String port) {
        return new PrinterConfig(port, DEFAULT_BAUD, 8, Parity.NONE, FlowControl.NONE,
                DEFAULT_REPLY_TIMEOUT, DEFAULT_WRITE_TIMEOUT);
    }
}
