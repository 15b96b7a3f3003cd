package lobby.scanner;

import java.util.function.Consumer;
import lobby.device.DeviceHealth;

/**
 * Whatever reads the customer's appointment code: a 2D scanner on a serial port, the camera,
 * a keyboard-wedge scanner, or the simulator. It delivers decoded text and knows nothing about
 * check-ins. The same text read again within the repeat window is delivered once.
 *
 * <p>Nothing is thrown at the kiosk after construction: a missing port, a camera that is not
 * installed or a line of garbage shows up in {@link #health()}, and the scanner keeps trying.
 */
public interface CodeScanner extends AutoCloseable {
    /**
     * Starts reading; call once. {@code onScan} runs on the scanner's own thread (hand over to
     * the UI thread yourself); an exception it throws is logged and the scanner goes on.
     */
    void start(Consumer<Scan> onScan);

    /** The latest known state; never blocks, so the UI may call it. */
    DeviceHealth health();

    /** Stops reading and frees the device, waiting a bounded time for the reader thread. */
    @Override
    void close();
}
