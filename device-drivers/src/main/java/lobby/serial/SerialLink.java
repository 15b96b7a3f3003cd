package lobby.serial;

import java.time.Duration;

/**
 * What differs between a serial device, a USB printer-class device and a test: moving bytes.
 * Every call is bounded in time; a device that is gone or stuck is a
 * {@link lobby.device.DeviceException} whose message names the port.
 *
 * <p>A link is used by one thread at a time: the printer's calls are synchronized, the
 * scanner's reader thread owns its link and also closes it.
 */
public interface SerialLink extends AutoCloseable {
    /** Hands over all bytes and waits until they have left, at most the settings' write timeout. */
    void write(byte[] bytes);

    /** Up to {@code max} bytes, waiting at most {@code timeout} for the first; empty when none came. */
    byte[] read(int max, Duration timeout);

    /** False for links that only carry bytes to the device (a USB printer-class device), so nothing can be read. */
    default boolean readable() {
        return true;
    }

    @Override
    void close();

    /**
     * Opens a serial port through jssc. Links such as /dev/serial/by-id/... are resolved afresh
     * on every open, so a re-plugged device is found; a missing port is a DeviceException
     * naming it.
     */
    static SerialLink open(SerialSettings settings) {
        return JsscSerialLink.open(settings);
    }

    /** How a device opens its link: the real port, a USB file, or a test's recording link. */
    @FunctionalInterface
    interface Opener {
        SerialLink open(SerialSettings settings);
    }
}
