package lobby.scanner;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import lobby.qr.QrImages;

/** Test pictures as the camera would see them: luminance frames and raw YUV420 as rpicam-vid writes it. */
final class Frames {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final String APPOINTMENT = "LKA1.demo.20261122-01.pCSS-6-oPRQb06JuSucnyQ";
    static final String CHINESE = "请到3号台找李明顾问 沪A***23";

    private Frames() {
    }

    /** A QR code as QrImages draws it for a booking confirmation, about {@code pixels} wide. */
    static BufferedImage code(String text, int pixels) {
        try {
            return ImageIO.read(new ByteArrayInputStream(QrImages.png(text, pixels)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage read(Path png) {
        try {
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) {
                throw new IllegalArgumentException(png + " is not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The luminance of each pixel (BT.601 weights, as a camera's Y plane). */
    static Frame of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] y = new byte[w * h];
        for (int row = 0; row < h; row++) {
            for (int x = 0; x < w; x++) {
                y[row * w + x] = (byte) luma(image, x, row);
            }
        }
        return new Frame(w, h, y);
    }

    /**
     * A pixel's luminance 0-255. Grey images give their stored sample: {@code getRGB} would pass
     * it through Java's linear-grey to sRGB conversion and brighten every mid-tone.
     */
    static int luma(BufferedImage image, int x, int y) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image.getRaster().getSample(x, y, 0);
        }
        int rgb = image.getRGB(x, y);
        return (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF) + 500) / 1000;
    }

    /** A 640x480 lobby scene: a textured background (wall, desk edges, noise), with the picture in the middle if any. */
    static BufferedImage scene(BufferedImage picture, long seed) {
        // Drawn in RGB: Java2D would map colours drawn on a grey image through its linear grey space.
        BufferedImage scene = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scene.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(seed);
        for (int x = 0; x < WIDTH; x++) {
            int shade = 120 + x * 60 / WIDTH;
            g.setColor(new Color(shade, shade, shade));
            g.drawLine(x, 0, x, HEIGHT);
        }
        for (int i = 0; i < 12; i++) {
            int shade = 40 + random.nextInt(180);
            g.setColor(new Color(shade, shade, shade));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 20 + random.nextInt(160), 10 + random.nextInt(90));
        }
        if (picture != null) {
            g.drawImage(picture, (WIDTH - picture.getWidth()) / 2, (HEIGHT - picture.getHeight()) / 2, null);
        }
        g.dispose();
        return addNoise(scene, 6, random);
    }

    static BufferedImage addNoise(BufferedImage image, double sigma, Random random) {
        BufferedImage noisy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = luma(image, x, y);
                int n = Math.max(0, Math.min(255, (int) Math.round(v + random.nextGaussian() * sigma)));
                noisy.getRaster().setSample(x, y, 0, n);
            }
        }
        return noisy;
    }

    /** The frame as rpicam-vid's yuv420 output: the Y plane, then quarter-size U and V planes (grey). */
    static byte[] yuv420(Frame frame) {
        int luma = frame.width() * frame.height();
        byte[] yuv = new byte[luma + 2 * ((frame.width() + 1) / 2) * ((frame.height() + 1) / 2)];
        System.arraycopy(frame.luminance(), 0, yuv, 0, luma);
        Arrays.fill(yuv, luma, yuv.length, (byte) 128);
        return yuv;
    }
}
