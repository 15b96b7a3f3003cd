package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lobby.scanner.KeyboardWedge.Kind;
import lobby.scanner.KeyboardWedge.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthetic key timings: a scanner types every few ms, a person every 100-300 ms. */
class KeyboardWedgeTest {
    private static final long MS = 1_000_000L;
    private final KeyboardWedge wedge = new KeyboardWedge();
    private long now = 5_000 * MS;

    /** Types {@code keys} with {@code gapMs} between them; returns every output that was not NOTHING. */
    private List<Output> type(String keys, long gapMs) {
        List<Output> out = new ArrayList<>();
        for (char c : keys.toCharArray()) {
            now += gapMs * MS;
            Output o = wedge.key(c, now);
            if (o.kind() != Kind.NOTHING) {
                out.add(o);
            }
        }
        return out;
    }

    private Output tickAfter(long ms) {
        now += ms * MS;
        return wedge.tick(now);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 8, 20, 45})
    void aFastBurstEndingInEnterIsAScan(long gapMs) {
        assertEquals(List.of(new Output(Kind.SCAN, Frames.APPOINTMENT)), type(Frames.APPOINTMENT + "\r", gapMs));
    }

    @Test
    void lineFeedEndsAScanToo() {
        assertEquals(List.of(new Output(Kind.SCAN, "A012-77")), type("A012-77\n", 5));
    }

    @Test
    void slowTypingIsPassedThroughInOrderKeyByKey() {
        List<Output> out = type("hello\r", 150);
        // Each key is released when the next one shows the gap was a person's; Enter releases the last.
        assertEquals(List.of(new Output(Kind.TYPED, "h"), new Output(Kind.TYPED, "e"), new Output(Kind.TYPED, "l"),
                new Output(Kind.TYPED, "l"), new Output(Kind.TYPED, "o\r")), out);
    }

    @Test
    void justOverTheGapIsTyping() {
        long gap = KeyboardWedge.MAX_KEY_GAP.toMillis() + 1;
        List<Output> out = type("ABCDEFGH\r", gap);
        assertEquals(Kind.TYPED, out.get(out.size() - 1).kind());
        assertEquals("ABCDEFGH\r", String.join("", out.stream().map(Output::text).toList()));
    }

    @Test
    void aFastButShortBurstIsTyping() {
        String shortest = "x".repeat(KeyboardWedge.MIN_SCAN_LENGTH - 1);
        assertEquals(List.of(new Output(Kind.TYPED, shortest + "\r")), type(shortest + "\r", 5));
        assertEquals(List.of(new Output(Kind.SCAN, shortest + "y")), type(shortest + "y\r", 5));
    }

    @Test
    void typingThatStopsIsReleasedByTheTimerTick() {
        assertEquals(List.of(new Output(Kind.TYPED, "o")), type("ok", 120), "the k might still start a scan");
        assertEquals(Output.NOTHING, tickAfter(KeyboardWedge.MAX_KEY_GAP.toMillis() - 10));
        assertEquals(new Output(Kind.TYPED, "k"), tickAfter(20));
        assertEquals(Output.NOTHING, tickAfter(100));
    }

    @Test
    void aTickDuringAScanDoesNotBreakIt() {
        type(Frames.APPOINTMENT.substring(0, 10), 4);
        assertEquals(Output.NOTHING, tickAfter(10));
        assertEquals(List.of(new Output(Kind.SCAN, Frames.APPOINTMENT)), type(Frames.APPOINTMENT.substring(10) + "\r", 4));
    }

    @Test
    void aPersonTypingThenAScanGivesTheTypingThenTheScan() {
        List<Output> out = new ArrayList<>(type("Li", 200));
        now += 400 * MS;
        out.addAll(type(Frames.APPOINTMENT + "\r", 3));
        assertEquals(List.of(new Output(Kind.TYPED, "L"), new Output(Kind.TYPED, "i"),
                new Output(Kind.SCAN, Frames.APPOINTMENT)), out);
    }

    @Test
    void aStallInTheMiddleOfAScanTurnsItIntoTyping() {
        List<Output> out = new ArrayList<>(type("LKA1.demo", 3));
        now += 300 * MS;
        out.addAll(type(".20261122\r", 3));
        assertEquals(List.of(new Output(Kind.TYPED, "LKA1.demo"), new Output(Kind.SCAN, ".20261122")), out);
    }

    @Test
    void backspaceAndTabAreTypingAndEndABurst() {
        assertEquals(List.of(new Output(Kind.TYPED, "abcdefg\b")), type("abcdefg\b", 3));
        assertEquals(List.of(new Output(Kind.TYPED, "\t")), type("\t", 3));
    }

    @Test
    void anOverlongBurstIsDiscardedNotBuffered() {
        String flood = "z".repeat(KeyboardWedge.MAX_SCAN_LENGTH + 500);
        assertEquals(List.of(new Output(Kind.DISCARDED, "keyboard burst of 1524 characters, longer than 1024")),
                type(flood + "\r", 1));
        assertEquals(List.of(new Output(Kind.SCAN, "A012-77")), type("A012-77\r", 1), "the next scan is fine");
    }

    @Test
    void anOverlongBurstWithoutEnterIsDiscardedWhenItStops() {
        type("z".repeat(KeyboardWedge.MAX_SCAN_LENGTH + 1), 1);
        assertEquals(Kind.DISCARDED, tickAfter(Duration.ofSeconds(1).toMillis()).kind());
    }
}
