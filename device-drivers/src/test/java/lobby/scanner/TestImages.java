package lobby.scanner;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes the black-box decoder test pictures: {@code NAME.png} with {@code NAME.txt} beside it
 * holding the text the camera must read (empty for "no code here"). Run once and commit the
 * result; {@link DecodeImagesTest} reads them. After a build, from the repository root:
 * {@code ./mvnw -q -o -pl device-drivers dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}, then in
 * device-drivers {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) lobby.scanner.TestImages}.
 * Random choices use fixed seeds, so running it again gives the same files.
 */
public final class TestImages {
    static final Path FOLDER = Path.of("src/test/resources/scanner/images");

    private final Path folder;

    private TestImages(Path folder) {
        this.folder = folder;
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : FOLDER;
        Files.createDirectories(folder);
        new TestImages(folder).writeAll();
        System.out.println("wrote test pictures to " + folder.toAbsolutePath());
    }

    private void writeAll() throws IOException {
        String code = Frames.APPOINTMENT;
        write("appointment", Frames.code(code, 240), code);
        write("chinese", Frames.code(Frames.CHINESE, 240), Frames.CHINESE);
        write("rotated-20", rotate(Frames.code(code, 240), 20), code);
        write("rotated-135", rotate(Frames.code(code, 240), 135), code);
        write("skewed", shear(Frames.code(code, 240), 0.2), code);
        write("noisy", Frames.addNoise(gray(Frames.code(code, 240)), 45, new Random(11)), code);
        write("low-contrast", contrast(Frames.code(code, 240), 100, 145), code);
        write("blurred", blur(Frames.code(code, 300), 5), code);
        write("small", Frames.scene(Frames.code(code, 80), 13).getSubimage(200, 160, 240, 160), code);
        // Camera-sized scenes are cropped to their middle: sensor noise makes big PNGs.
        write("uneven-light", unevenLight(Frames.scene(Frames.code(code, 200), 17)).getSubimage(120, 90, 400, 300), code);
        write("no-code-wall", Frames.addNoise(contrast(new BufferedImage(320, 240, BufferedImage.TYPE_BYTE_GRAY),
                180, 180), 4, new Random(3)), "");
        write("no-code-lobby", Frames.scene(null, 21).getSubimage(120, 90, 400, 300), "");
        write("no-code-noise", Frames.addNoise(contrast(new BufferedImage(240, 240, BufferedImage.TYPE_BYTE_GRAY),
                128, 128), 70, new Random(5)), "");
        BufferedImage whole = Frames.code(code, 240);
        write("no-code-half-cut-off", whole.getSubimage(0, 0, whole.getWidth() / 2, whole.getHeight()), "");
    }

    private void write(String name, BufferedImage image, String expected) throws IOException {
        ImageIO.write(gray(image), "png", folder.resolve(name + ".png").toFile());
        Files.writeString(folder.resolve(name + ".txt"), expected, StandardCharsets.UTF_8);
    }

    /** Turned about its centre on a white card a little larger than the code. */
    static BufferedImage rotate(BufferedImage code, double degrees) {
        int side = (int) Math.ceil(code.getWidth() * 1.5);
        BufferedImage card = blank(side, side, 255);
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), side / 2.0, side / 2.0);
        g.drawImage(code, (side - code.getWidth()) / 2, (side - code.getHeight()) / 2, null);
        g.dispose();
        return card;
    }

    /** Slanted, as a phone held at an angle to the camera looks (roughly: a shear, not a full perspective). */
    static BufferedImage shear(BufferedImage code, double amount) {
        int width = (int) Math.ceil(code.getWidth() * (1 + amount)) + 20;
        BufferedImage card = blank(width, code.getHeight() + 20, 255);
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.translate(10, 10);
        g.transform(AffineTransform.getShearInstance(amount, 0));
        g.drawImage(code, 0, 0, null);
        g.dispose();
        return card;
    }

    /** Dark modules become {@code dark}, light ones {@code light}: a dim screen behind glare. */
    static BufferedImage contrast(BufferedImage image, int dark, int light) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = Frames.luma(image, x, y);
                out.getRaster().setSample(x, y, 0, dark + (light - dark) * v / 255);
            }
        }
        return out;
    }

    /** Out of focus: a box blur {@code size} pixels wide. */
    static BufferedImage blur(BufferedImage image, int size) {
        float[] weights = new float[size * size];
        Arrays.fill(weights, 1f / weights.length);
        BufferedImage source = gray(image);
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(source, out);
        return out;
    }

    /** Bright on one side, dim on the other, as a lobby window lights a phone. */
    static BufferedImage unevenLight(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double light = 0.35 + 0.65 * x / image.getWidth();
                out.getRaster().setSample(x, y, 0, (int) (Frames.luma(image, x, y) * light));
            }
        }
        return out;
    }

    /** As 8-bit grey samples, the luminance a camera's Y plane would hold. */
    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.getRaster().setSample(x, y, 0, Frames.luma(image, x, y));
            }
        }
        return out;
    }

    /** In RGB, so drawing on it is not mapped through Java2D's linear grey space. */
    private static BufferedImage blank(int width, int height, int shade) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(shade, shade, shade));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
