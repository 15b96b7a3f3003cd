package lobby.scanner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The camera: a command that writes raw YUV420 frames to its standard output, one after
 * another, each {@code width * height} bytes of luminance followed by the two quarter-size
 * colour planes. On a Pi that is rpicam-vid (see {@link #rpicam}); a USB webcam works through
 * {@code ffmpeg -f v4l2 ... -pix_fmt yuv420p -f rawvideo -}.
 *
 * @param command      the program and its arguments, run without a shell
 * @param repeatWindow the same code read again within this counts once (a held phone is read in every frame)
 * @param restartDelay how long to wait before running the command again after it ended or could not start
 */
public record CameraConfig(List<String> command, int width, int height, Duration repeatWindow, Duration restartDelay) {
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;
    /** Enough to catch a phone held up for a second; more only costs CPU on the Pi. */
    public static final int DEFAULT_FRAMERATE = 10;
    public static final Duration DEFAULT_REPEAT_WINDOW = RepeatFilter.DEFAULT_WINDOW;
    public static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(5);
    /** rpicam-vid pads each yuv420 row to a multiple of this many pixels, which would shear the picture. */
    static final int RPICAM_ROW_ALIGNMENT = 64;

    public CameraConfig {
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("camera command must name a program, e.g. rpicam-vid, was " + command);
        }
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("camera frame size must be positive and even (YUV420 halves it for"
                    + " colour), was " + width + "x" + height);
        }
        ScannerConfigs.requirePositive("repeat window", repeatWindow);
        ScannerConfigs.requirePositive("camera restart delay", restartDelay);
    }

    /** rpicam-vid at 640x480, 10 frames a second, no preview window, running until stopped. */
    public static CameraConfig rpicam() {
        return rpicam(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FRAMERATE);
    }

    public static CameraConfig rpicam(int width, int height, int framerate) {
        if (width % RPICAM_ROW_ALIGNMENT != 0) {
            throw new IllegalArgumentException("rpicam-vid pads yuv420 rows to a multiple of " + RPICAM_ROW_ALIGNMENT
                    + " pixels; choose such a width (640, 1280), was " + width);
        }
        if (framerate <= 0) {
            throw new IllegalArgumentException("camera frame rate must be positive, was " + framerate);
        }
        List<String> command = List.of("rpicam-vid", "-t", "0", "-n", "--codec", "yuv420",
                "--width", Integer.toString(width), "--height", Integer.toString(height),
                "--framerate", Integer.toString(framerate), "-o", "-");
        return new CameraConfig(command, width, height, DEFAULT_REPEAT_WINDOW, DEFAULT_RESTART_DELAY);
    }

    /** The same camera with another command, e.g. a stand-in that replays recorded frames. */
    public CameraConfig withCommand(List<String> command) {
        return new CameraConfig(command, width, height, repeatWindow, restartDelay);
    }

    /** The program's name, as health and logs show it. */
    String program() {
        return Path.of(command.get(0)).getFileName().toString();
    }

    int frameBytes() {
        return width * height * 3 / 2;
    }
}
