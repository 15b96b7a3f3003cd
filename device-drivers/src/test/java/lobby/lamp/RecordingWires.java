package lobby.lamp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wires that remember every lamp write with the (virtual) time it happened, fail on demand,
 * and let a test work the buttons edge by edge. One per test: nothing here is static.
 */
final class RecordingWires implements LampWires {
    record Write(Instant at, int desk, boolean lit) {
    }

    final List<Write> writes = new ArrayList<>();
    /** Set before the lamps start: these outputs or inputs "cannot be set up". */
    final Map<Integer, String> lampProblems = new HashMap<>();
    final Map<Integer, String> buttonProblems = new HashMap<>();
    /** Writes to these desks throw, as a pin whose relay driver has gone would. */
    final Set<Integer> failing = new HashSet<>();
    private final Clock clock;
    private Buttons buttons;
    boolean closed;

    RecordingWires(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> lampProblem(int desk) {
        return Optional.ofNullable(lampProblems.get(desk));
    }

    @Override
    public Optional<String> buttonProblem(int desk) {
        return Optional.ofNullable(buttonProblems.get(desk));
    }

    @Override
    public void lamp(int desk, boolean lit) {
        if (closed) {
            throw new IllegalStateException("desk " + desk + " written after close");
        }
        if (failing.contains(desk)) {
            throw new IllegalStateException("relay driver gone");
        }
        writes.add(new Write(clock.instant(), desk, lit));
    }

    @Override
    public void listen(Buttons buttons) {
        if (this.buttons != null) {
            throw new IllegalStateException("listen called twice");
        }
        this.buttons = buttons;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** What the desk's button does to its pin, one edge at a time (bounces are several). */
    void edge(int desk, boolean pressed) {
        buttons.edge(desk, pressed);
    }

    /** The level last written to the desk's lamp; dark before any write. */
    boolean lit(int desk) {
        for (int i = writes.size() - 1; i >= 0; i--) {
            if (writes.get(i).desk() == desk) {
                return writes.get(i).lit();
            }
        }
        return false;
    }

    List<Write> writes(int desk) {
        return writes.stream().filter(w -> w.desk() == desk).toList();
    }
}
