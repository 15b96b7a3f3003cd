package lobby.scanner;

import java.util.Objects;

/**
 * One camera picture as luminance: {@code width * height} bytes, row by row, 0 black to 255
 * white. That is the Y plane of a YUV420 frame as rpicam-vid writes it; colour is never needed
 * to read a QR code.
 */
record Frame(int width, int height, byte[] luminance) {
    Frame {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, was " + width + "x" + height);
        }
        Objects.requireNonNull(luminance, "luminance");
        if (luminance.length < width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + width * height
                    + " luminance bytes, got " + luminance.length);
        }
    }
}
