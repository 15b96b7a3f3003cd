package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration is checked at start-up with messages that say what to change. */
class ScannerConfigTest {
    @Test
    void theDefaultCameraIsRpicamVidWritingYuv420ToStandardOutput() {
        CameraConfig camera = CameraConfig.rpicam();
        assertEquals("rpicam-vid -t 0 -n --codec yuv420 --width 640 --height 480 --framerate 10 -o -",
                String.join(" ", camera.command()));
        assertEquals(640 * 480 * 3 / 2, camera.frameBytes());
        assertEquals("rpicam-vid", camera.program());
        assertEquals(Duration.ofSeconds(3), camera.repeatWindow());
        assertEquals("cat", camera.withCommand(List.of("/bin/cat", "frames.yuv")).program());
    }

    @Test
    void rpicamWidthsMustAvoidRowPadding() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CameraConfig.rpicam(780, 360, 10));
        assertEquals("rpicam-vid pads yuv420 rows to a multiple of 64 pixels; choose such a width (640, 1280), was 780",
                e.getMessage());
    }

    @Test
    void frameSizesMustBeEvenAndCommandsMustNameAProgram() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> new CameraConfig(
                List.of("cat"), 641, 480, Duration.ofSeconds(3), Duration.ofSeconds(5)));
        assertEquals("camera frame size must be positive and even (YUV420 halves it for colour), was 641x480",
                odd.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new CameraConfig(
                List.of(), 640, 480, Duration.ofSeconds(3), Duration.ofSeconds(5)));
        assertEquals("camera command must name a program, e.g. rpicam-vid, was []", empty.getMessage());
        IllegalArgumentException delay = assertThrows(IllegalArgumentException.class, () -> new CameraConfig(
                List.of("cat"), 640, 480, Duration.ofSeconds(3), Duration.ofMillis(-5)));
        assertEquals("scanner camera restart delay must be positive, was -5 ms", delay.getMessage());
    }

    @Test
    void serialScannerDefaultsAndValidation() {
        SerialScannerConfig config = SerialScannerConfig.of("/dev/ttyACM0");
        assertEquals(new SerialScannerConfig("/dev/ttyACM0", 9600, Duration.ofSeconds(3), Duration.ofSeconds(2)), config);

        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> SerialScannerConfig.of(" "));
        assertEquals("scanner port must be a device path such as /dev/ttyACM0, was blank", blank.getMessage());
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class, () -> new SerialScannerConfig(
                "/dev/ttyACM0", 9600, Duration.ZERO, Duration.ofSeconds(2)));
        assertEquals("scanner repeat window must be positive, was 0 ms", window.getMessage());
    }
}
