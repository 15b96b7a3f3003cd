package lobby.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import lobby.printer.PrinterConfig;
import org.junit.jupiter.api.Test;

class KioskConfigTest {
    @Test
    void simulatedIsTheDefaultAndHardwarePicksSerialAndGpiod() {
        KioskConfig sim = KioskConfig.from(Map.of("site", "gz", "kiosk", "k1"));
        assertEquals("simulated", sim.printerDriver());
        assertEquals("mock", sim.lampDriver());
        KioskConfig hw = KioskConfig.from(Map.of("site", "gz", "kiosk", "k1", "devices", "hardware",
                "printer.flow", "rts-cts", "printer.baud", "19200", "lamps.pins", "1:17, 2:27"));
        assertEquals("serial", hw.printerDriver());
        assertEquals("gpiod", hw.lampDriver());
        assertEquals(PrinterConfig.FlowControl.RTS_CTS, hw.printer().flowControl());
        assertEquals(19200, hw.printer().baudRate());
        assertEquals(Map.of(1, 17, 2, 27), hw.lampPins());
    }

    @Test
    void theTokenNeverShowsInTheConfigurationsText() {
        KioskConfig c = KioskConfig.from(Map.of("site", "gz", "kiosk", "k1", "backoffice.token", "s3cret-token",
                "backoffice", "https://bo.example.cn"));
        assertTrue(!c.toString().contains("s3cret-token") && c.toString().contains("token=***"), c.toString());
    }

    @Test
    void mistakesAreRefusedWithTheSettingNamed() {
        assertMessage("unknown setting 'printer.prot'", Map.of("site", "gz", "kiosk", "k1", "printer.prot", "x"));
        assertMessage("setting 'site' is required", Map.of("kiosk", "k1"));
        assertMessage("printer.baud must be a whole number", Map.of("site", "gz", "kiosk", "k1", "printer.baud", "fast"));
        assertMessage("lamps.pins entries are desk:pin", Map.of("site", "gz", "kiosk", "k1", "lamps.pins", "17"));
        assertMessage("devices must be simulated or hardware", Map.of("site", "gz", "kiosk", "k1", "devices", "auto"));
        assertMessage("plain HTTP to another machine", Map.of("site", "gz", "kiosk", "k1",
                "backoffice", "http://192.168.1.20:8080"));
        assertMessage("technician.pin must be 4 to 8 digits", Map.of("site", "gz", "kiosk", "k1", "technician.pin", "12"));
    }

    private static void assertMessage(String expected, Map<String, String> settings) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KioskConfig.from(settings));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
