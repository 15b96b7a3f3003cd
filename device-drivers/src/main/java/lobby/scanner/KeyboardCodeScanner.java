package lobby.scanner;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;

/**
 * A keyboard-wedge scanner as a {@link CodeScanner}: the kiosk's UI hands it every typed
 * character ({@link #key}) and calls {@link #tick} from a timer; scans go to the consumer through
 * the same repeat window and text rules as the other scanners, and whatever turned out to be
 * typing comes back for the focused field. The UI thread delivers the scans here, so
 * {@code onScan} runs on it. The keyboard cannot be asked whether a scanner is plugged in, so
 * health stays ONLINE unless a burst was discarded.
 */
public final class KeyboardCodeScanner implements CodeScanner {
    private final KeyboardWedge wedge = new KeyboardWedge();
    private final ScanDispatch dispatch;

    public KeyboardCodeScanner() {
        this(RepeatFilter.DEFAULT_WINDOW, Clock.systemUTC());
    }

    KeyboardCodeScanner(Duration repeatWindow, Clock clock) {
        this.dispatch = new ScanDispatch("scanner (keyboard)", repeatWindow, clock);
    }

    @Override
    public void start(Consumer<Scan> onScan) {
        dispatch.start(onScan);
        dispatch.health().update(State.ONLINE, "");
    }

    /** A typed character and {@code System.nanoTime()}; returns what to put into the focused field ("" mostly). */
    public synchronized String key(char c, long nanos) {
        return handle(wedge.key(c, nanos));
    }

    /** Releases typing that stopped; returns what to put into the focused field. */
    public synchronized String tick(long nanos) {
        return handle(wedge.tick(nanos));
    }

    @Override
    public DeviceHealth health() {
        return dispatch.health().current();
    }

    @Override
    public void close() {
        dispatch.health().update(State.OFFLINE, "closed");
    }

    private String handle(KeyboardWedge.Output out) {
        switch (out.kind()) {
            case SCAN -> dispatch.text(out.text());
            case DISCARDED -> dispatch.discard(out.text());
            case TYPED -> {
                return out.text();
            }
            case NOTHING -> { }
        }
        return "";
    }
}
