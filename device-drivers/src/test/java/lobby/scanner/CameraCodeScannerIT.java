package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lobby.device.DeviceHealth;
import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The camera scanner as the kiosk builds it, with a stand-in command instead of rpicam-vid. */
class CameraCodeScannerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static CameraConfig camera(List<String> command) {
        // A long restart delay: each test looks at one run of the command; close() cuts the wait short.
        return new CameraConfig(command, 640, 480, CameraConfig.DEFAULT_REPEAT_WINDOW, Duration.ofMinutes(1));
    }

    @Test
    void aCodeInTheCommandsFramesIsScannedOnceAndTheEndIsInHealth() throws IOException {
        Path file = dir.resolve("frames.yuv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Frames.yuv420(Frames.of(Frames.scene(null, 1))));
            for (int i = 0; i < 5; i++) {
                out.write(Frames.yuv420(Frames.of(Frames.scene(Frames.code(Frames.CHINESE, 200), i))));
            }
        }
        ScanCollector scans = new ScanCollector();
        try (CameraCodeScanner camera = new CameraCodeScanner(camera(List.of("cat", file.toString())))) {
            camera.start(scans);

            Scan scan = scans.next(DEADLINE, camera::health);
            assertEquals(Frames.CHINESE, scan.text());
            assertEquals("camera cat", scan.source());
            DeviceHealth ended = Await.until("the end of the command", camera::health,
                    h -> h.state() == State.OFFLINE, DEADLINE);
            assertTrue(ended.detail().matches("cat exited with status 0 after \\d+\\.\\d s \\(6 frames\\)"), ended.detail());
            assertEquals(0, scans.waiting(), "five frames with the code make one scan");
        }
    }

    @Test
    void aCameraCommandThatIsNotInstalledIsOfflineNamingIt() {
        try (CameraCodeScanner camera = new CameraCodeScanner(camera(List.of("/opt/nowhere/rpicam-vid", "-o", "-")))) {
            camera.start(scan -> { });
            DeviceHealth health = Await.until("offline", camera::health, h -> h.state() == State.OFFLINE
                    && !h.detail().equals("not started"), DEADLINE);
            assertEquals("camera rpicam-vid", health.device());
            assertTrue(health.detail().startsWith("camera command rpicam-vid cannot run (not installed, or not on the"
                    + " PATH?)"), health.detail());
        }
    }
}
