package lobby.printer;

import java.time.Duration;

/**
 * What differs between a serial printer, a USB printer-class device and a test: moving bytes.
 * Every call is bounded in time; a device that is gone or stuck is a {@link lobby.device.DeviceException}.
 */
interface SerialLink extends AutoCloseable {
    /** Hands over all bytes and waits until they have left, at most the configured write timeout. */
    void write(byte[] bytes);

    /** Up to {@code max} bytes, waiting at most {@code timeout} for the first; empty when none came. */
    byte[] read(int max, Duration timeout);

    /** False for links that only carry bytes to the printer, so its status cannot be asked. */
    default boolean readsStatus() {
        return true;
    }

    @Override
    void close();

    /** Opens a link; a missing device is a DeviceException whose message names the port. */
    @FunctionalInterface
    interface Opener {
        SerialLink open(PrinterConfig config);
    }
}
