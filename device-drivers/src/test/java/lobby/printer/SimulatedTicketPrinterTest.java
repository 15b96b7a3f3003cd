package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lobby.device.DeviceHealth.State;
import lobby.printer.SimulatedTicketPrinter.Paper;
import org.junit.jupiter.api.Test;

class SimulatedTicketPrinterTest {
    private final List<String> shown = new ArrayList<>();
    private final SimulatedTicketPrinter printer = new SimulatedTicketPrinter(shown::add);

    @Test
    void decodesExactlyTheBytesTheRealPrinterGets() {
        PrintOutcome outcome = printer.print(Tickets.typical());

        assertTrue(outcome.printed());
        DecodedTicket expected = EscPosDecoder.decode(StandardTicket.encode(Tickets.typical()));
        assertEquals(List.of(expected), printer.tickets());
        assertEquals(StandardTicket.encode(Tickets.typical()).length, printer.lastJobBytes());
        assertEquals(List.of(expected.preview()), shown);
        assertTrue(shown.get(0).contains("A012"));
        assertTrue(printer.tickets().get(0).text().contains(Tickets.ADVISOR_LINE));
    }

    @Test
    void outOfPaperPrintsNothing() {
        printer.paper(Paper.OUT);
        PrintOutcome outcome = printer.print(Tickets.typical());

        assertFalse(outcome.printed());
        assertEquals("printer (simulated): OFFLINE (paper out)", outcome.health().toString());
        assertEquals(List.of(), printer.tickets());
        assertEquals(List.of(), shown);
    }

    @Test
    void paperNearEndPrintsAndDegrades() {
        printer.paper(Paper.NEAR_END);
        PrintOutcome outcome = printer.print(Tickets.typical());

        assertTrue(outcome.printed());
        assertEquals(State.DEGRADED, outcome.health().state());
        assertEquals("paper near end", outcome.health().detail());

        printer.paper(Paper.OK);
        assertEquals(State.ONLINE, printer.health().state());
    }

    @Test
    void ticketsIsASnapshot() {
        printer.print(Tickets.typical());
        List<DecodedTicket> before = printer.tickets();
        printer.print(Tickets.typical());
        assertEquals(1, before.size());
        assertEquals(2, printer.tickets().size());
        assertEquals(List.of(), before.get(0).problems());
    }
}
