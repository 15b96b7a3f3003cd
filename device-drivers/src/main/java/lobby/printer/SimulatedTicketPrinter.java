package lobby.printer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;

/**
 * A printer for demos and tests: it encodes each ticket exactly as the lobby printer receives
 * it, decodes those bytes back and shows the result, so what the demo shows is what the bytes
 * say. Its paper can be set to run low or out.
 */
public final class SimulatedTicketPrinter implements TicketPrinter {
    static final String DEVICE = "printer (simulated)";

    public enum Paper { OK, NEAR_END, OUT }

    private final Consumer<String> output;
    private final Clock clock;
    private final List<DecodedTicket> tickets = new ArrayList<>();
    private Paper paper = Paper.OK;
    private int lastJobBytes;
    private DeviceHealth health;

    /** @param output receives each printed ticket as console text (see {@link DecodedTicket#preview()}) */
    public SimulatedTicketPrinter(Consumer<String> output) {
        this(output, Clock.systemUTC());
    }

    SimulatedTicketPrinter(Consumer<String> output, Clock clock) {
        this.output = Objects.requireNonNull(output, "output");
        this.clock = clock;
        this.health = DeviceHealth.online(DEVICE, clock.instant());
    }

    @Override
    public synchronized PrintOutcome print(TicketLayout ticket) {
        if (paper == Paper.OUT) {
            return PrintOutcome.failed(health(), "not printed: paper out");
        }
        byte[] job;
        try {
            job = StandardTicket.encode(ticket);
        } catch (IllegalArgumentException e) {
            return PrintOutcome.failed(health(), "ticket " + ticket.number() + " cannot be encoded: " + e.getMessage());
        }
        DecodedTicket printed = EscPosDecoder.decode(job);
        tickets.add(printed);
        lastJobBytes = job.length;
        output.accept(printed.preview());
        return PrintOutcome.ok(health());
    }

    @Override
    public synchronized DeviceHealth health() {
        State state = switch (paper) {
            case OK -> State.ONLINE;
            case NEAR_END -> State.DEGRADED;
            case OUT -> State.OFFLINE;
        };
        String detail = switch (paper) {
            case OK -> "";
            case NEAR_END -> "paper near end";
            case OUT -> "paper out";
        };
        if (health.state() != state || !health.detail().equals(detail)) {
            health = new DeviceHealth(DEVICE, state, detail, clock.instant());
        }
        return health;
    }

    public synchronized void paper(Paper paper) {
        this.paper = Objects.requireNonNull(paper, "paper");
    }

    /** Every ticket printed so far, oldest first. */
    public synchronized List<DecodedTicket> tickets() {
        return List.copyOf(tickets);
    }

    /** Size of the last job in bytes, 0 before the first: what the serial line would have carried. */
    public synchronized int lastJobBytes() {
        return lastJobBytes;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
