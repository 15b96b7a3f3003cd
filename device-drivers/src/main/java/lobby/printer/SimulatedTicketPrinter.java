package lobby.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Consumer<String> output;
    private final Path pictures;
    private final Clock clock;
    private final List<DecodedTicket> tickets = new ArrayList<>();
    private Paper paper = Paper.OK;
    private int lastJobBytes;
    private DeviceHealth health;

    /** @param output receives each printed ticket as console text (see {@link DecodedTicket#preview()}) */
    public SimulatedTicketPrinter(Consumer<String> output) {
        this(output, null, Clock.systemUTC());
    }

    /** @param pictures folder where a PNG picture of each ticket is written, or null for none */
    public SimulatedTicketPrinter(Consumer<String> output, Path pictures) {
        this(output, pictures, Clock.systemUTC());
    }

    SimulatedTicketPrinter(Consumer<String> output, Clock clock) {
        this(output, null, clock);
    }

    SimulatedTicketPrinter(Consumer<String> output, Path pictures, Clock clock) {
        this.output = Objects.requireNonNull(output, "output");
        this.pictures = pictures;
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
        if (pictures != null) {
            savePicture(ticket.number(), printed);
        }
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

    /** A picture is for people to look at: failing to write one never fails the ticket. */
    private void savePicture(String number, DecodedTicket printed) {
        Path file = pictures.resolve(STAMP.format(clock.instant().atZone(ZoneId.systemDefault())) + "-"
                + number.replaceAll("[^A-Za-z0-9-]", "_") + ".png");
        try {
            Files.createDirectories(pictures);
            Files.write(file, TicketPicture.png(printed));
            output.accept("(picture of the ticket: " + file + ")");
        } catch (IOException | RuntimeException e) {
            output.accept("(could not save a picture of ticket " + number + " to " + file + ": " + e + ")");
        }
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
