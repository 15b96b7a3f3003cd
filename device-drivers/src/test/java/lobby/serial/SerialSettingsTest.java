package lobby.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import lobby.device.DeviceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialSettingsTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void defaultsAreThoseOfMostThermalPrinters() {
        assertEquals(new SerialSettings("/dev/ttyUSB0", 9600, 8, SerialSettings.Parity.NONE,
                SerialSettings.FlowControl.NONE, Duration.ofMillis(800), Duration.ofSeconds(5)),
                SerialSettings.of("/dev/ttyUSB0"));
    }

    @Test
    void badValuesAreRefusedNamingThePort() {
        IllegalArgumentException bits = assertThrows(IllegalArgumentException.class, () -> new SerialSettings(
                "/dev/ttyACM0", 9600, 9, SerialSettings.Parity.NONE, SerialSettings.FlowControl.NONE,
                Duration.ZERO, Duration.ZERO));
        assertEquals("serial port /dev/ttyACM0: data bits must be 5-8, was 9", bits.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, () -> new SerialSettings(
                "/dev/ttyACM0", 9600, 8, SerialSettings.Parity.NONE, SerialSettings.FlowControl.NONE,
                Duration.ofMillis(-1), Duration.ZERO));
        assertEquals("serial port /dev/ttyACM0: read timeout must not be negative, was -1 ms", timeout.getMessage());
    }

    @Test
    void openingAMissingPortIsADeviceExceptionNamingIt() {
        String port = dir.resolve("ttyACM9").toString();
        DeviceException e = assertThrows(DeviceException.class, () -> SerialLink.open(SerialSettings.of(port)));
        assertEquals("port " + port + " missing", e.getMessage());
    }
}
