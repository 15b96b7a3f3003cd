package lobby.scanner;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same code read twice within the window counts once. The window slides: every sighting
 * restarts it, so a phone held in front of the camera (read in every frame) or a scanner in
 * presentation mode (re-reading the same screen) gives one scan until the code has been away
 * for the whole window.
 */
final class RepeatFilter {
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(3);
    /** Distinct codes remembered at once; more in one window means something else is wrong. */
    static final int MAX_REMEMBERED = 64;

    private final Duration window;
    private final Map<String, Instant> lastSeen = new LinkedHashMap<>();

    RepeatFilter(Duration window) {
        this.window = ScannerConfigs.requirePositive("repeat window", window);
    }

    /** True when {@code text} was not seen within the window before {@code now}. */
    synchronized boolean firstSighting(String text, Instant now) {
        for (Iterator<Instant> seen = lastSeen.values().iterator(); seen.hasNext(); ) {
            if (!seen.next().plus(window).isAfter(now)) {
                seen.remove();
            }
        }
        boolean first = lastSeen.remove(text) == null;
        lastSeen.put(text, now); // re-inserted last, so the eldest is the one to forget
        if (lastSeen.size() > MAX_REMEMBERED) {
            lastSeen.remove(lastSeen.keySet().iterator().next());
        }
        return first;
    }
}
