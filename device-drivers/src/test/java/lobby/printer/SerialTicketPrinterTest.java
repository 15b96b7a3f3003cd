package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import lobby.device.DeviceException;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printer's logic against recording links; the real serial path is in SerialTicketPrinterIT. */
class SerialTicketPrinterTest {
    private static final PrinterConfig CONFIG = new PrinterConfig("/dev/ttyTEST", 9600, 8, PrinterConfig.Parity.NONE,
            PrinterConfig.FlowControl.NONE, Duration.ofMillis(50), Duration.ofSeconds(1));
    private static final String STATUS_ROUND = "10 04 01 10 04 02 10 04 03 10 04 04";

    private final List<RecordingLink> opened = new ArrayList<>();
    private final List<RecordingLink> links = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC);

    /** Each open hands out the next prepared link. */
    private SerialTicketPrinter printer(RecordingLink... prepared) {
        links.addAll(List.of(prepared));
        return new SerialTicketPrinter(CONFIG, config -> {
            RecordingLink link = links.remove(0);
            opened.add(link);
            return link;
        }, clock);
    }

    @Test
    void asksStatusBeforeAndAfterTheJob() {
        RecordingLink link = new RecordingLink();
        PrintOutcome outcome = printer(link).print(Tickets.typical());

        assertTrue(outcome.printed(), outcome.toString());
        assertEquals(State.ONLINE, outcome.health().state());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(Hex.bytes(STATUS_ROUND));
        expected.writeBytes(StandardTicket.encode(Tickets.typical()));
        expected.writeBytes(Hex.bytes(STATUS_ROUND));
        assertEquals(Hex.of(expected.toByteArray()), Hex.of(link.written.toByteArray()));
    }

    @Test
    void constructingOpensNothing() {
        printer(new RecordingLink());
        assertEquals(List.of(), opened);
    }

    @Test
    void paperNearEndStillPrintsButDegrades() {
        RecordingLink link = new RecordingLink().thenStatus(0x12, 0x12, 0x12, 0x12).thenStatus(0x12, 0x12, 0x12, 0x1E);
        PrintOutcome outcome = printer(link).print(Tickets.typical());

        assertTrue(outcome.printed());
        assertEquals(new DeviceHealth("printer /dev/ttyTEST", State.DEGRADED, "paper near end", clock.instant()),
                outcome.health());
    }

    @Test
    void paperOutBeforeTheJobSendsNoJob() {
        RecordingLink link = new RecordingLink().thenStatus(0x1A, 0x32, 0x12, 0x7E);
        PrintOutcome outcome = printer(link).print(Tickets.typical());

        assertFalse(outcome.printed());
        assertEquals(State.OFFLINE, outcome.health().state());
        assertEquals("paper out", outcome.health().detail());
        assertEquals(STATUS_ROUND, Hex.of(link.written.toByteArray()));
    }

    @Test
    void faultAfterTheJobMeansNotPrinted() {
        RecordingLink link = new RecordingLink().thenStatus(0x12, 0x12, 0x12, 0x12).thenStatus(0x1A, 0x16, 0x12, 0x12);
        PrintOutcome outcome = printer(link).print(Tickets.typical());

        assertFalse(outcome.printed());
        assertEquals("cover open", outcome.health().detail());
        assertEquals("printer reported cover open after the ticket", outcome.message());
    }

    @Test
    void silenceIsOfflineAndTheLinkIsReopenedNextTime() {
        RecordingLink silent = new RecordingLink();
        silent.silent = true;
        SerialTicketPrinter printer = printer(silent, new RecordingLink());

        PrintOutcome outcome = printer.print(Tickets.typical());
        assertFalse(outcome.printed());
        assertEquals("no reply from printer on /dev/ttyTEST after 50 ms", outcome.health().detail());
        assertTrue(silent.closed);

        assertTrue(printer.print(Tickets.typical()).printed());
        assertEquals(2, opened.size());
    }

    @Test
    void garbageInsteadOfStatusNamesTheBaudRate() {
        RecordingLink link = new RecordingLink().thenStatus(0xFF, 0x12, 0x12, 0x12);
        PrintOutcome outcome = printer(link).print(Tickets.typical());

        assertFalse(outcome.printed());
        assertEquals("printer on /dev/ttyTEST answered DLE EOT 1 with 0xFF, not a status byte (baud rate 9600 right?)",
                outcome.health().detail());
    }

    @Test
    void missingPortIsOfflineNamingThePort() {
        SerialTicketPrinter printer = new SerialTicketPrinter(CONFIG, config -> {
            throw new DeviceException("port " + config.port() + " missing");
        }, clock);

        PrintOutcome outcome = printer.print(Tickets.typical());
        assertFalse(outcome.printed());
        assertEquals("printer /dev/ttyTEST: OFFLINE (port /dev/ttyTEST missing)", outcome.health().toString());
        assertEquals("port /dev/ttyTEST missing", printer.health().detail());
    }

    @Test
    void linkFailingMidJobIsDroppedAndReopened() {
        RecordingLink failing = new RecordingLink();
        failing.failWritesLongerThan = 3;
        SerialTicketPrinter printer = printer(failing, new RecordingLink());

        PrintOutcome outcome = printer.print(Tickets.typical());
        assertFalse(outcome.printed());
        assertTrue(outcome.health().detail().startsWith("port /dev/ttyTEST: write failed"), outcome.toString());
        assertTrue(failing.closed);

        assertTrue(printer.print(Tickets.typical()).printed());
    }

    @Test
    void healthAsksThePrinterAndKeepsItsSinceWhileUnchanged() {
        Instant[] now = {Instant.parse("2026-11-22T01:00:00Z")};
        Clock moving = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        RecordingLink link = new RecordingLink().thenStatus(0x12, 0x12, 0x12, 0x1E);
        SerialTicketPrinter printer = new SerialTicketPrinter(CONFIG, config -> link, moving);

        DeviceHealth first = printer.health();
        now[0] = now[0].plusSeconds(60);
        DeviceHealth second = printer.health();

        assertEquals(State.DEGRADED, first.state());
        assertSame(first, second);
        assertEquals(Hex.of(Hex.bytes(STATUS_ROUND + " " + STATUS_ROUND)), Hex.of(link.written.toByteArray()));
    }

    @Test
    void qrTooLongForAnyQrCodeIsAFailedOutcome() {
        TicketLayout ticket = new TicketLayout("H", "A1", List.of(), "x".repeat(3000), List.of());
        PrintOutcome outcome = printer(new RecordingLink()).print(ticket);
        assertFalse(outcome.printed());
        assertTrue(outcome.message().contains("cannot be encoded"), outcome.message());
    }

    @Test
    void usbPrinterClassDeviceGetsTheBytesWithStatusUnknown(@TempDir Path dir) throws Exception {
        Path lp = Files.createFile(dir.resolve("lp0"));
        PrinterConfig config = PrinterConfig.of(lp.toString());
        try (SerialTicketPrinter printer = SerialTicketPrinter.usbFile(config)) {
            PrintOutcome outcome = printer.print(Tickets.typical());

            assertTrue(outcome.printed());
            assertEquals(State.ONLINE, outcome.health().state());
            assertEquals(SerialTicketPrinter.STATUS_UNKNOWN, outcome.health().detail());
            assertArrayEquals(StandardTicket.encode(Tickets.typical()), Files.readAllBytes(lp));
        }
    }

    @Test
    void missingUsbPrinterClassDeviceIsOffline(@TempDir Path dir) {
        String port = dir.resolve("lp9").toString();
        try (SerialTicketPrinter printer = SerialTicketPrinter.usbFile(PrinterConfig.of(port))) {
            PrintOutcome outcome = printer.print(Tickets.typical());
            assertFalse(outcome.printed());
            assertEquals("port " + port + " missing", outcome.health().detail());
        }
    }
}
