package lobby.serial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import jssc.SerialPortException;
import lobby.device.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A serial port through jssc: the only class that knows jssc, shared by the printer and the scanner. */
final class JsscSerialLink implements SerialLink {
    private static final Logger LOG = LoggerFactory.getLogger(JsscSerialLink.class);
    /** Never more than this in the kernel's buffer, so a write cannot block past the deadline. */
    private static final int CHUNK_BYTES = 256;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * A read polls every millisecond at first (a printer's status reply comes within a few), then
     * backs off to this, so a scanner's reader idling on a quiet port does not wake 1000 times a second.
     */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(8);

    private final SerialPort port;
    private final SerialSettings config;

    private JsscSerialLink(SerialPort port, SerialSettings config) {
        this.port = port;
        this.config = config;
    }

    /** Opens by path; links such as /dev/serial/by-id/... are resolved afresh on every open, so a re-plug is found. */
    static SerialLink open(SerialSettings config) {
        Path device;
        try {
            device = Path.of(config.port()).toRealPath();
        } catch (IOException e) {
            throw new DeviceException("port " + config.port() + " missing");
        }
        SerialPort port;
        try {
            port = new SerialPort(device.toString());
        } catch (LinkageError e) {
            throw new DeviceException("jssc has no native library for " + System.getProperty("os.arch")
                    + ", cannot open port " + config.port(), e);
        }
        try {
            port.openPort();
            boolean applied = port.setParams(config.baudRate(), config.dataBits(), SerialPort.STOPBITS_1, parity(config));
            // jssc applies the line settings, then sets RTS and DTR and reports failure when the device
            // has no modem lines: a pseudo-terminal (socat, ser2net bridging a network printer) has none.
            if (!applied && !isPseudoTerminal(device)) {
                throw new SerialPortException(port, "setParams", config.baudRate() + " baud, "
                        + config.dataBits() + " data bits, parity " + config.parity() + " refused");
            }
            if (!port.setFlowControlMode(flowControl(config))) {
                throw new SerialPortException(port, "setFlowControlMode", "flow control " + config.flowControl() + " refused");
            }
            port.purgePort(SerialPort.PURGE_RXCLEAR | SerialPort.PURGE_TXCLEAR);
        } catch (SerialPortException e) {
            closeQuietly(port);
            boolean denied = SerialPortException.TYPE_PERMISSION_DENIED.equals(e.getExceptionType());
            throw new DeviceException("port " + config.port() + " (" + device + "): cannot open: " + e.getExceptionType()
                    + (denied ? " (is the kiosk's user in the dialout group?)" : ""), e);
        }
        LOG.info("serial port {} open ({}, {} baud, {} data bits, parity {}, flow control {})", config.port(),
                device, config.baudRate(), config.dataBits(), config.parity(), config.flowControl());
        return new JsscSerialLink(port, config);
    }

    @Override
    public void write(byte[] bytes) {
        long deadline = System.nanoTime() + config.writeTimeout().toNanos();
        for (int from = 0; from < bytes.length; from += CHUNK_BYTES) {
            byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_BYTES));
            try {
                if (!port.writeBytes(chunk)) {
                    throw gone("write failed after " + from + " of " + bytes.length + " bytes", null);
                }
                // Flow control (RTS/CTS, XOFF) holds bytes here while the printer is busy or off.
                int queued;
                while ((queued = port.getOutputBufferBytesCount()) > 0) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new DeviceException("port " + config.port() + ": " + queued + " bytes still queued after "
                                + config.writeTimeout().toMillis() + " ms (device off, or flow control holding?)");
                    }
                    LockSupport.parkNanos(POLL_NANOS);
                }
            } catch (SerialPortException e) {
                throw gone("write failed after " + from + " of " + bytes.length + " bytes", e);
            }
        }
    }

    @Override
    public byte[] read(int max, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long poll = POLL_NANOS;
        try {
            while (true) {
                int available = port.getInputBufferBytesCount();
                if (available < 0) {
                    throw gone("cannot read", null);
                }
                if (available > 0) {
                    return port.readBytes(Math.min(available, max));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new byte[0];
                }
                LockSupport.parkNanos(Math.min(poll, left));
                poll = Math.min(IDLE_POLL_NANOS, poll * 2);
            }
        } catch (SerialPortException e) {
            throw gone("cannot read", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(port);
    }

    private DeviceException gone(String what, SerialPortException cause) {
        return new DeviceException("port " + config.port() + ": " + what + " (device unplugged?)", cause);
    }

    /** Output is purged first: closing a tty otherwise waits up to 30 s for unsent bytes. */
    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.purgePort(SerialPort.PURGE_TXCLEAR | SerialPort.PURGE_RXCLEAR);
                port.closePort();
            }
        } catch (SerialPortException e) {
            LOG.debug("closing {}: {}", port.getPortName(), e.getExceptionType());
        }
    }

    private static boolean isPseudoTerminal(Path device) {
        return device.startsWith("/dev/pts");
    }

    private static int parity(SerialSettings config) {
        return switch (config.parity()) {
            case NONE -> SerialPort.PARITY_NONE;
            case EVEN -> SerialPort.PARITY_EVEN;
            case ODD -> SerialPort.PARITY_ODD;
        };
    }

    private static int flowControl(SerialSettings config) {
        return switch (config.flowControl()) {
            case NONE -> SerialPort.FLOWCONTROL_NONE;
            case RTS_CTS -> SerialPort.FLOWCONTROL_RTSCTS_IN | SerialPort.FLOWCONTROL_RTSCTS_OUT;
            case XON_XOFF -> SerialPort.FLOWCONTROL_XONXOFF_IN | SerialPort.FLOWCONTROL_XONXOFF_OUT;
        };
    }
}
