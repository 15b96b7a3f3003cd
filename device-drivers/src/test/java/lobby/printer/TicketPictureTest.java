package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketPictureTest {
    @TempDir
    Path dir;

    @Test
    void pictureShowsTheTicketWithAScannableQrCode() throws Exception {
        TicketLayout layout = Tickets.typical();
        BufferedImage image = TicketPicture.render(EscPosDecoder.decode(StandardTicket.encode(layout)));
        assertEquals(TicketPicture.WIDTH_DOTS, image.getWidth());
        assertTrue(inked(image, 0, TicketPicture.LINE_DOTS * 5) > 0.02, "header and number are drawn");
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), argb)))).getText();
        assertEquals(layout.qrText(), qr);
    }

    @Test
    void simulatedPrinterKeepsAPictureOfEachTicket() throws Exception {
        List<String> output = new ArrayList<>();
        SimulatedTicketPrinter printer = new SimulatedTicketPrinter(output::add, dir);
        assertTrue(printer.print(Tickets.typical()).printed());
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().endsWith("-" + Tickets.typical().number() + ".png"));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(files.get(0))));
        assertEquals(TicketPicture.WIDTH_DOTS, png.getWidth());
        assertTrue(output.stream().anyMatch(l -> l.contains(files.get(0).toString())), output.toString());
    }

    private static double inked(BufferedImage image, int fromY, int toY) {
        long dark = 0;
        for (int y = fromY; y < Math.min(toY, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark / (double) (image.getWidth() * (toY - fromY));
    }
}
