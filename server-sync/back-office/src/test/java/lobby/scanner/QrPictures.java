package lobby.scanner;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads the QR code in a PNG with the kiosk camera's own decoder, for the back office's tests
 * of the codes it serves: what a kiosk would read off a customer's phone. It sits in the
 * scanner's package (as a test class of the back office) because the decoder is package-private
 * there; the back office itself never decodes, and ZXing stays behind device-drivers' adapters.
 */
public final class QrPictures {
    private QrPictures() {
    }

    /** @return the code's text; empty when the picture holds no readable code */
    public static Optional<String> read(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException("not a picture ImageIO reads", e);
        }
        if (image == null) {
            throw new IllegalArgumentException("not a picture ImageIO reads (" + png.length + " bytes)");
        }
        byte[] luminance = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luma = (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
                luminance[y * image.getWidth() + x] = (byte) luma;
            }
        }
        return new QrFrameDecoder().decode(new Frame(image.getWidth(), image.getHeight(), luminance));
    }
}
