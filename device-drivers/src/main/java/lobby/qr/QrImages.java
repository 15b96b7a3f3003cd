package lobby.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes as pictures and as module grids (the ZXing encoder adapter). Text is encoded as
 * UTF-8, so Chinese survives the round trip.
 */
public final class QrImages {
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4);

    private QrImages() {
    }

    /** The code's modules, true for dark, quiet zone included. */
    public static boolean[][] modules(String text) {
        BitMatrix m = encode(text, 0);
        boolean[][] grid = new boolean[m.getHeight()][m.getWidth()];
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                grid[y][x] = m.get(x, y);
            }
        }
        return grid;
    }

    /** A black-on-white PNG about {@code pixels} wide, for a booking confirmation message. */
    public static byte[] png(String text, int pixels) {
        BitMatrix m = encode(text, pixels);
        BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                image.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a QR PNG in memory", e);
        }
        return out.toByteArray();
    }

    private static BitMatrix encode(String text, int pixels) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs some text");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code (" + text.length() + " characters)", e);
        }
    }
}
