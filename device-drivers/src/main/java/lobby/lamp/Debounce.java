package lobby.lamp;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns a bouncing button's edges into presses. A press counts on its first edge (so the lamp
 * reacts at once) and only if the input was quiet for the debounce window before it; the
 * window restarts on every edge, so the bounces of pressing and of releasing both vanish, even
 * when the button is held longer than the window. Not thread-safe: the lamps call it under
 * their lock.
 */
final class Debounce {
    private final Duration window;
    private Instant lastEdge;

    Debounce(Duration window) {
        this.window = window;
    }

    /** Whether this edge is a new press. */
    boolean press(boolean pressed, Instant at) {
        boolean quiet = lastEdge == null || Duration.between(lastEdge, at).compareTo(window) >= 0;
        lastEdge = at;
        return pressed && quiet;
    }
}
