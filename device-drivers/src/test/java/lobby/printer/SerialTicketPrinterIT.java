package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lobby.device.DeviceHealth.State;
import lobby.printer.FakePrinter.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jssc through a real pseudo-terminal pair to a fake printer reading the other end as a file. */
class SerialTicketPrinterIT {
    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(500);
    private static final Duration TICKET_DEADLINE = Duration.ofSeconds(5);
    private static final List<Integer> STATUS_ROUND = List.of(1, 2, 3, 4);

    @TempDir
    Path dir;
    private PtyPair pty;
    private FakePrinter fake;
    private SerialTicketPrinter printer;

    @BeforeEach
    void plugIn() throws IOException {
        pty = PtyPair.start(dir);
        fake = FakePrinter.attach(pty);
        printer = new SerialTicketPrinter(config(pty.kioskPath(), PrinterConfig.FlowControl.NONE));
    }

    @AfterEach
    void unplug() {
        printer.close();
        fake.close();
        pty.close();
    }

    private static PrinterConfig config(Path port, PrinterConfig.FlowControl flowControl) {
        return new PrinterConfig(port.toString(), 9600, 8, PrinterConfig.Parity.NONE, flowControl,
                REPLY_TIMEOUT, Duration.ofSeconds(2));
    }

    @Test
    void ticketArrivesDecodedWithStatusAskedBeforeAndAfter() {
        PrintOutcome outcome = printer.print(Tickets.typical());

        assertTrue(outcome.printed(), outcome.toString());
        assertEquals(State.ONLINE, outcome.health().state());
        DecodedTicket ticket = fake.awaitTicket(TICKET_DEADLINE);
        assertTrue(ticket.text().contains("A012"), ticket.text());
        assertTrue(ticket.text().contains(Tickets.ADVISOR_LINE), ticket.text());
        assertEquals(List.of(Tickets.STATUS_LINK), ticket.qrCodes());
        assertEquals(List.of(), ticket.problems());
        assertEquals(List.of(1, 2, 3, 4, 1, 2, 3, 4), fake.statusRequests());
    }

    @Test
    void paperOutIsNotPrintedAndSaysSo() {
        fake.condition(Condition.PAPER_OUT);
        PrintOutcome outcome = printer.print(Tickets.typical());

        assertFalse(outcome.printed());
        assertEquals(State.OFFLINE, outcome.health().state());
        assertEquals("paper out", outcome.health().detail());

        // New paper: this ticket must be the only one the printer ever got.
        fake.condition(Condition.READY);
        assertTrue(printer.print(Tickets.typical()).printed());
        fake.awaitTicket(TICKET_DEADLINE);
        assertEquals(0, fake.ticketsWaiting());
    }

    @Test
    void paperNearEndPrintsAndWarns() {
        fake.condition(Condition.PAPER_NEAR_END);
        PrintOutcome outcome = printer.print(Tickets.typical());

        assertTrue(outcome.printed());
        assertEquals("printer " + pty.kioskPath() + ": DEGRADED (paper near end)", outcome.health().toString());
        fake.awaitTicket(TICKET_DEADLINE);
    }

    @Test
    void coverOpenIsNotPrinted() {
        fake.condition(Condition.COVER_OPEN);
        PrintOutcome outcome = printer.print(Tickets.typical());

        assertFalse(outcome.printed());
        assertEquals("cover open", outcome.health().detail());
        assertEquals(STATUS_ROUND, fake.statusRequests());
    }

    @Test
    void silentPrinterIsOfflineAfterTheReplyTimeout() {
        fake.condition(Condition.SILENT);
        PrintOutcome outcome = printer.print(Tickets.typical());

        assertFalse(outcome.printed());
        assertEquals("no reply from printer on " + pty.kioskPath() + " after 500 ms", outcome.health().detail());

        fake.condition(Condition.READY);
        assertTrue(printer.print(Tickets.typical()).printed(), "reopens the port after a silence");
        fake.awaitTicket(TICKET_DEADLINE);
    }

    @Test
    void missingPortIsOfflineNamingThePort() {
        Path missing = dir.resolve("ttyUSB9");
        try (SerialTicketPrinter absent = new SerialTicketPrinter(config(missing, PrinterConfig.FlowControl.NONE))) {
            PrintOutcome outcome = absent.print(Tickets.typical());

            assertFalse(outcome.printed());
            assertEquals(State.OFFLINE, outcome.health().state());
            assertEquals("port " + missing + " missing", outcome.health().detail());
            assertEquals("port " + missing + " missing", absent.health().detail());
        }
    }

    @Test
    void printerVanishingMidJobIsNotPrintedAndARePlugIsFound() throws IOException {
        fake.vanishOnNextJob();
        PrintOutcome lost = printer.print(Tickets.typical());
        assertFalse(lost.printed(), lost.toString());
        assertEquals(State.OFFLINE, lost.health().state());
        fake.awaitVanished(TICKET_DEADLINE);
        assertFalse(pty.isAlive());

        // Plugged back in: the same path, a new pty behind it.
        try (PtyPair again = PtyPair.start(dir); FakePrinter back = FakePrinter.attach(again)) {
            PrintOutcome outcome = printer.print(Tickets.typical());
            assertTrue(outcome.printed(), outcome.toString());
            assertTrue(back.awaitTicket(TICKET_DEADLINE).text().contains("A012"));
        }
    }

    @Test
    void hardwareAndSoftwareFlowControlAreAccepted() {
        for (PrinterConfig.FlowControl flow : List.of(PrinterConfig.FlowControl.RTS_CTS, PrinterConfig.FlowControl.XON_XOFF)) {
            try (SerialTicketPrinter flowing = new SerialTicketPrinter(config(pty.kioskPath(), flow))) {
                printer.close();
                PrintOutcome outcome = flowing.print(Tickets.typical());
                assertTrue(outcome.printed(), flow + ": " + outcome);
                assertTrue(fake.awaitTicket(TICKET_DEADLINE).text().contains("A012"));
            }
        }
    }
}
