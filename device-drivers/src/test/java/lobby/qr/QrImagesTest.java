package lobby.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Codes are read back with ZXing's own reader, as a phone would read them. */
class QrImagesTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://lobby.example.cn/s/7Q2K9XRM", "请到3号台找李明顾问 沪A***23", "A012"})
    void pngReadsBackToTheSameText(String text) throws Exception {
        byte[] png = QrImages.png(text, 240);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= 200 && image.getWidth() <= 280, "width " + image.getWidth());

        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        String read = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();

        assertEquals(text, read);
    }

    @Test
    void modulesIncludeTheQuietZone() {
        boolean[][] grid = QrImages.modules("A012");
        // Version 1 is 21 modules, plus 4 blank modules on each side.
        assertEquals(29, grid.length);
        assertEquals(29, grid[0].length);
        assertFalse(grid[0][0]);
        assertTrue(grid[4][4], "finder pattern corner");
    }

    @Test
    void emptyTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrImages.modules(""));
    }
}
