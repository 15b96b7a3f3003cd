package lobby.scanner;

import java.time.Duration;
import java.util.Objects;

/**
 * Tells a keyboard-wedge scanner from a person typing. A scanner in HID keyboard mode "types"
 * its code a character every few milliseconds and ends with Enter; a person leaves 100 ms or
 * more between keys. Pure logic: the kiosk's UI feeds it every typed character with a timestamp
 * ({@code System.nanoTime()} when the key event is handled) and calls {@link #tick} from a timer,
 * so typing that stopped is released even when no further key comes.
 *
 * <p>Characters are held back while they might still be a scan, at most {@link #MAX_KEY_GAP}
 * after the last one; then they come back out as {@link Kind#TYPED}, in order, for the focused
 * field. A busy UI thread bunches key events together, which only makes gaps shorter; a single
 * stall longer than the gap in the middle of a scan turns that scan into typing.
 *
 * <p>Not thread-safe: call it from the UI thread only.
 */
public final class KeyboardWedge {
    /** Scanners send a character every 1-20 ms; people rarely go under 50 ms even in a burst, and never for long. */
    public static final Duration MAX_KEY_GAP = Duration.ofMillis(50);
    /** Fewer characters than this before Enter is typing, however fast: a quick "ok" + Enter is not a code. */
    public static final int MIN_SCAN_LENGTH = 6;
    /** A burst longer than this is discarded, not buffered further. */
    public static final int MAX_SCAN_LENGTH = ScanDispatch.MAX_TEXT_BYTES;

    public enum Kind { NOTHING, TYPED, SCAN, DISCARDED }

    /**
     * What a key or a tick produced.
     *
     * @param text the characters that turned out to be typing (Enter included, as it came), the
     *             scanned code (without Enter), or why a burst was discarded
     */
    public record Output(Kind kind, String text) {
        public static final Output NOTHING = new Output(Kind.NOTHING, "");

        public Output {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    private final long maxGapNanos = MAX_KEY_GAP.toNanos();
    private final StringBuilder burst = new StringBuilder();
    private long lastNanos;
    private long overflow;

    /** One typed character, as a KEY_TYPED event gives it (Enter as '\r' or '\n'). */
    public Output key(char c, long nanos) {
        Output released = expired(nanos) ? release() : Output.NOTHING;
        lastNanos = nanos;
        if (c == '\r' || c == '\n') {
            if (released.kind() == Kind.NOTHING && burst.length() >= MIN_SCAN_LENGTH && overflow == 0) {
                Output scan = new Output(Kind.SCAN, burst.toString());
                clear();
                return scan;
            }
            if (released.kind() == Kind.DISCARDED || overflow > 0) {
                return released.kind() == Kind.DISCARDED ? released : release();
            }
            String typed = released.text() + burst + c;
            clear();
            return new Output(Kind.TYPED, typed);
        }
        if (Character.isISOControl(c)) {
            // Backspace, Tab, Escape: a person editing, never part of a code we accept.
            if (released.kind() == Kind.DISCARDED || overflow > 0) {
                return released.kind() == Kind.DISCARDED ? released : release();
            }
            String typed = released.text() + burst + c;
            clear();
            return new Output(Kind.TYPED, typed);
        }
        if (burst.length() < MAX_SCAN_LENGTH) {
            burst.append(c);
        } else {
            overflow++;
        }
        return released;
    }

    /** Releases characters held for longer than the gap: the typing stopped. Call it every few tens of ms. */
    public Output tick(long nanos) {
        return expired(nanos) ? release() : Output.NOTHING;
    }

    private boolean expired(long nanos) {
        return (burst.length() > 0 || overflow > 0) && nanos - lastNanos > maxGapNanos;
    }

    private Output release() {
        Output out = overflow > 0
                ? new Output(Kind.DISCARDED, "keyboard burst of " + (burst.length() + overflow)
                        + " characters, longer than " + MAX_SCAN_LENGTH)
                : new Output(Kind.TYPED, burst.toString());
        clear();
        return out;
    }

    private void clear() {
        burst.setLength(0);
        overflow = 0;
    }
}
