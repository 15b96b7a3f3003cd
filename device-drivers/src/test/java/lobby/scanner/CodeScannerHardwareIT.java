package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The same checks against real scanners, only when asked. With a 2D scanner in USB CDC mode:
 * {@code ./mvnw -pl device-drivers verify -Dkiosk.hardware=scanner -Dkiosk.scanner.port=/dev/ttyACM0};
 * with the Pi camera: {@code -Dkiosk.hardware=camera}. Scan (or hold up) any QR code within
 * {@value #SECONDS_TO_SCAN} s of the start; {@code -Dkiosk.scanner.expect=TEXT} also checks its text,
 * e.g. a booking confirmation's appointment code.
 */
class CodeScannerHardwareIT {
    static final int SECONDS_TO_SCAN = 30;
    private static final Duration ONLINE_DEADLINE = Duration.ofSeconds(15);

    @Test
    @EnabledIfSystemProperty(named = "kiosk.hardware", matches = ".*scanner.*")
    void theSerialScannerDeliversAScan() {
        String port = System.getProperty("kiosk.scanner.port", "/dev/ttyACM0");
        try (SerialCodeScanner scanner = new SerialCodeScanner(new SerialScannerConfig(port,
                Integer.getInteger("kiosk.scanner.baud", SerialScannerConfig.DEFAULT_BAUD),
                SerialScannerConfig.DEFAULT_REPEAT_WINDOW, SerialScannerConfig.DEFAULT_REOPEN_DELAY))) {
            contract(scanner, "scanner " + port);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "kiosk.hardware", matches = ".*camera.*")
    void theCameraDeliversAScan() {
        try (CameraCodeScanner camera = new CameraCodeScanner(CameraConfig.rpicam())) {
            contract(camera, "camera rpicam-vid");
        }
    }

    private static void contract(CodeScanner scanner, String source) {
        ScanCollector scans = new ScanCollector();
        scanner.start(scans);
        Await.until(source + " online", scanner::health, h -> h.state() == State.ONLINE, ONLINE_DEADLINE);
        System.err.printf("%n>>> %s is online: scan a QR code within %d s%n%n", source, SECONDS_TO_SCAN);

        Scan scan = scans.next(Duration.ofSeconds(SECONDS_TO_SCAN), scanner::health);

        assertEquals(source, scan.source());
        assertFalse(scan.text().isEmpty());
        String expected = System.getProperty("kiosk.scanner.expect");
        if (expected != null) {
            assertEquals(expected, scan.text());
        }
        assertEquals(State.ONLINE, scanner.health().state(), scanner.health()::toString);
    }
}
