package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import lobby.serial.SerialSettings;
import org.junit.jupiter.api.Test;

/** The printer's configuration maps onto the serial link the scanner shares. */
class PrinterConfigTest {
    @Test
    void everySettingReachesTheSerialLink() {
        PrinterConfig config = new PrinterConfig("/dev/ttyUSB1", 19200, 7, PrinterConfig.Parity.EVEN,
                PrinterConfig.FlowControl.RTS_CTS, Duration.ofMillis(300), Duration.ofSeconds(9));
        assertEquals(new SerialSettings("/dev/ttyUSB1", 19200, 7, SerialSettings.Parity.EVEN,
                SerialSettings.FlowControl.RTS_CTS, Duration.ofMillis(300), Duration.ofSeconds(9)), config.serialSettings());
    }

    @Test
    void everyParityAndFlowControlHasItsSerialCounterpart() {
        for (PrinterConfig.Parity parity : PrinterConfig.Parity.values()) {
            for (PrinterConfig.FlowControl flow : PrinterConfig.FlowControl.values()) {
                SerialSettings settings = new PrinterConfig("/dev/ttyUSB0", 9600, 8, parity, flow,
                        Duration.ZERO, Duration.ZERO).serialSettings();
                assertEquals(parity.name(), settings.parity().name());
                assertEquals(flow.name(), settings.flowControl().name());
            }
        }
    }

    @Test
    void ofKeepsTheDefaultsTheKioskReliesOn() {
        assertEquals(SerialSettings.of("/dev/ttyUSB0"), PrinterConfig.of("/dev/ttyUSB0").serialSettings());
    }

    @Test
    void negativeTimeoutsAreRefusedAtStartUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PrinterConfig(
                "/dev/ttyUSB0", 9600, 8, PrinterConfig.Parity.NONE, PrinterConfig.FlowControl.NONE,
                Duration.ofMillis(-1), Duration.ofSeconds(5)));
        assertEquals("printer timeouts must not be negative, were reply -1 ms, write 5000 ms", e.getMessage());
    }
}
