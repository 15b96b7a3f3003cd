package lobby.kiosk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a screen looks like, for the README and for a human reviewing a test run. */
final class Screenshots {
    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Call on the FX thread. Returns the share of pixels that are not the background colour. */
    static double save(Node node, String name) throws IOException {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        int background = pixels.getArgb(0, 0);
        long differing = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = pixels.getArgb(x, y);
                out.setRGB(x, y, argb);
                if (argb != background) {
                    differing++;
                }
            }
        }
        Files.createDirectories(DIR);
        ImageIO.write(out, "png", DIR.resolve(name + ".png").toFile());
        return differing / (double) ((long) w * h);
    }
}
