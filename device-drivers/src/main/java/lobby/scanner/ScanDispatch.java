package lobby.scanner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every scanner does with text it has read: refuse what no appointment code can be
 * (control characters, more than {@link #MAX_TEXT_BYTES}), drop repeats within the window, and
 * hand the rest to the kiosk as a {@link Scan}. A refused line leaves the scanner DEGRADED with
 * the reason until the next good line, so a technician sees a misconfigured scanner on the screen.
 */
final class ScanDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(ScanDispatch.class);
    /** Longer than any appointment code by far; a QR code can carry 2953 bytes, a kiosk needs none of that. */
    static final int MAX_TEXT_BYTES = 1024;

    private final HealthTracker health;
    private final RepeatFilter repeats;
    private final Clock clock;
    private volatile Consumer<Scan> onScan;

    ScanDispatch(String device, Duration repeatWindow, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new HealthTracker(device, clock);
        this.repeats = new RepeatFilter(repeatWindow);
    }

    String device() {
        return health.device();
    }

    HealthTracker health() {
        return health;
    }

    synchronized void start(Consumer<Scan> onScan) {
        Objects.requireNonNull(onScan, "onScan");
        if (this.onScan != null) {
            throw new IllegalStateException(device() + " already started");
        }
        this.onScan = onScan;
    }

    /** Offers text read by the device; returns the scan delivered, or null when refused or a repeat. */
    Scan text(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String problem = problem(text);
        if (problem != null) {
            discard(problem);
            return null;
        }
        health.update(State.ONLINE, "");
        Instant now = clock.instant();
        if (!repeats.firstSighting(text, now)) {
            LOG.debug("{}: repeat of a code within the window, not delivered", device());
            return null;
        }
        Scan scan = new Scan(text, device(), now);
        Consumer<Scan> consumer = onScan;
        if (consumer == null) {
            LOG.warn("{}: a code was read before start(); not delivered", device());
            return null;
        }
        try {
            consumer.accept(scan);
        } catch (RuntimeException e) {
            LOG.error("{}: the kiosk's scan handler failed on a {}-character code; scanning goes on",
                    device(), text.length(), e);
        }
        return scan;
    }

    /** A line that could not even become text (not UTF-8, too long); the scanner goes on. */
    void discard(String reason) {
        DeviceHealth before = health.current();
        DeviceHealth now = health.update(State.DEGRADED, "line discarded: " + reason);
        if (now == before) {
            LOG.warn("{} (again)", now); // a change is logged by the tracker already
        }
    }

    static String problem(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            return bytes + " bytes, longer than " + MAX_TEXT_BYTES;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c)) {
                return String.format("control character U+%04X at character %d of %d (scanner prefix/suffix"
                        + " settings?)", c, i + 1, text.length());
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
