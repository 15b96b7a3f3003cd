package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The same checks against a real printer, only when asked:
 * {@code ./mvnw -pl device-drivers verify -Dkiosk.hardware=printer -Dkiosk.printer.port=/dev/ttyUSB0}
 * (optionally {@code -Dkiosk.printer.baud=19200}). Prints one test ticket.
 */
@EnabledIfSystemProperty(named = "kiosk.hardware", matches = ".*printer.*")
class SerialTicketPrinterHardwareIT {
    @Test
    void printsATicketAndReportsItsStatus() {
        PrinterConfig config = new PrinterConfig(System.getProperty("kiosk.printer.port", "/dev/ttyUSB0"),
                Integer.getInteger("kiosk.printer.baud", PrinterConfig.DEFAULT_BAUD), 8, PrinterConfig.Parity.NONE,
                PrinterConfig.FlowControl.NONE, PrinterConfig.DEFAULT_REPLY_TIMEOUT, Duration.ofSeconds(5));
        try (SerialTicketPrinter printer = new SerialTicketPrinter(config)) {
            assertTrue(printer.health().usable(), () -> "before: " + printer.health());
            PrintOutcome outcome = printer.print(Tickets.typical());
            assertTrue(outcome.printed(), outcome::toString);
        }
    }
}
