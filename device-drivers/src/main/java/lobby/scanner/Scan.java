package lobby.scanner;

import java.time.Instant;
import java.util.Objects;

/**
 * One code read.
 *
 * @param text   the decoded text, never empty, free of control characters
 * @param source which scanner read it, e.g. "scanner /dev/ttyACM0", "camera rpicam-vid", "keyboard"
 * @param at     when it was read, on the scanner's clock
 */
public record Scan(String text, String source, Instant at) {
    public Scan {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a scan needs some text");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }
}
