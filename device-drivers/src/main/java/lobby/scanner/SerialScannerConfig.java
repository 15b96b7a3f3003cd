package lobby.scanner;

import java.time.Duration;
import java.util.Objects;
import lobby.serial.SerialSettings;

/**
 * A 2D scanner on a serial port: USB CDC mode (/dev/ttyACM0) or an RS-232 scanner behind an
 * adapter. It must send a CR or LF after each code (the factory default of most scanners).
 *
 * @param port         e.g. /dev/ttyACM0, or better a /dev/serial/by-id/ link that survives re-plugging
 * @param baudRate     for RS-232 scanners (8 data bits, no parity, no flow control); USB CDC ignores it
 * @param repeatWindow the same code read again within this counts once
 * @param reopenDelay  how long to wait before trying a missing or failed port again
 */
public record SerialScannerConfig(String port, int baudRate, Duration repeatWindow, Duration reopenDelay) {
    public static final int DEFAULT_BAUD = 9600;
    public static final Duration DEFAULT_REPEAT_WINDOW = RepeatFilter.DEFAULT_WINDOW;
    public static final Duration DEFAULT_REOPEN_DELAY = Duration.ofSeconds(2);
    /** How long one read waits for bytes; bounds how late a stop request or an unplug is noticed. */
    static final Duration READ_WAIT = Duration.ofMillis(200);

    public SerialScannerConfig {
        Objects.requireNonNull(port, "port");
        if (port.isBlank()) {
            throw new IllegalArgumentException("scanner port must be a device path such as /dev/ttyACM0, was blank");
        }
        if (baudRate <= 0) {
            throw new IllegalArgumentException("scanner baud rate must be positive, was " + baudRate);
        }
        ScannerConfigs.requirePositive("repeat window", repeatWindow);
        ScannerConfigs.requirePositive("reopen delay", reopenDelay);
    }

    public static SerialScannerConfig of(String port) {
        return new SerialScannerConfig(port, DEFAULT_BAUD, DEFAULT_REPEAT_WINDOW, DEFAULT_REOPEN_DELAY);
    }

    /** 8N1 without flow control: scanners only talk, and CDC devices have no real line settings. */
    SerialSettings serialSettings() {
        return new SerialSettings(port, baudRate, 8, SerialSettings.Parity.NONE, SerialSettings.FlowControl.NONE,
                READ_WAIT, SerialSettings.DEFAULT_WRITE_TIMEOUT);
    }
}
