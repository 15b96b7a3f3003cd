package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lobby.device.DeviceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real subprocess writing raw YUV420 frames, as rpicam-vid does; {@code cat} of a recording stands in for it. */
class ProcessFrameSourceIT {
    private static final CameraConfig CAMERA = CameraConfig.rpicam();
    private static final Frame NOTHING = Frames.of(Frames.scene(null, 1));
    private static final Frame CODE = Frames.of(Frames.scene(Frames.code(Frames.APPOINTMENT, 220), 2));

    @TempDir
    Path dir;

    private Path recording(Frame... frames) throws IOException {
        Path file = dir.resolve("frames.yuv");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Frame frame : frames) {
                out.write(Frames.yuv420(frame));
            }
        }
        return file;
    }

    @Test
    void framesComeOutAsTheirLuminancePlaneUntilTheCommandEnds() throws IOException {
        Path file = recording(NOTHING, CODE, NOTHING);
        try (FrameSource source = ProcessFrameSource.start(CAMERA.withCommand(List.of("cat", file.toString())))) {
            for (Frame expected : List.of(NOTHING, CODE, NOTHING)) {
                Frame frame = source.next().orElseThrow(() -> new AssertionError("ended early: " + source.ended()));
                assertEquals(640, frame.width());
                assertEquals(480, frame.height());
                assertArrayEquals(expected.luminance(), frame.luminance());
            }
            assertEquals(Optional.empty(), source.next());
            assertTrue(source.ended().matches("cat exited with status 0 after \\d+\\.\\d s"), source.ended());
        }
    }

    @Test
    void aCommandThatIsNotInstalledIsADeviceExceptionNamingIt() {
        DeviceException e = assertThrows(DeviceException.class, () -> ProcessFrameSource.start(
                CAMERA.withCommand(List.of("no-such-camera-command", "--codec", "yuv420"))));
        assertTrue(e.getMessage().startsWith("camera command no-such-camera-command cannot run (not installed, or not on"
                + " the PATH?): "), e.getMessage());
    }

    @Test
    void aCommandDyingMidFrameSaysSoWithItsStatusAndLastError() throws IOException {
        Path file = recording(CODE);
        String script = "printf 'INFO Camera camera_manager.cpp:326 libcamera v0.5.1\\n' >&2; head -c 1000 " + file
                + "; echo 'ERROR: *** no cameras available ***' >&2; printf 'INFO closing\\n' >&2; exit 3";
        try (FrameSource source = ProcessFrameSource.start(CAMERA.withCommand(List.of("sh", "-c", script)))) {
            assertEquals(Optional.empty(), source.next());
            assertTrue(source.ended().matches("sh exited with status 3 after \\d+\\.\\d s, mid-frame \\(1000 of 460800"
                    + " bytes\\): ERROR: \\*\\*\\* no cameras available \\*\\*\\*"), source.ended());
        }
    }

    @Test
    void closingEndsAWaitForTheNextFrame() throws Exception {
        FrameSource source = ProcessFrameSource.start(CAMERA.withCommand(List.of("sleep", "60")));
        CompletableFuture<Optional<Frame>> waiting = CompletableFuture.supplyAsync(source::next);

        source.close();

        assertEquals(Optional.empty(), waiting.get(10, TimeUnit.SECONDS));
        assertEquals("sleep stopped", source.ended());
    }
}
