package lobby.printer;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import lobby.qr.QrImages;

/**
 * A decoded ticket drawn as a 58 mm roll prints it (384 dots wide, 24-dot lines, sizes and
 * alignment as decoded, QR codes where they were printed), so the demo can show a picture of
 * each ticket. A CJK font must be installed for Chinese to show (fonts-wqy-microhei).
 */
public final class TicketPicture {
    static final int WIDTH_DOTS = 384;
    static final int LINE_DOTS = 24;
    static final int MARGIN = 8;
    private static final String[] CJK_FONTS = {"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Droid Sans Fallback"};
    private static final String FONT_NAME = cjkFont();

    private TicketPicture() {
    }

    public static byte[] png(DecodedTicket ticket) {
        BufferedImage image = render(ticket);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a ticket picture in memory", e);
        }
        return out.toByteArray();
    }

    static BufferedImage render(DecodedTicket ticket) {
        List<DecodedTicket.Line> lines = ticket.lines();
        int height = MARGIN * 2;
        for (DecodedTicket.Line l : lines) {
            height += LINE_DOTS * l.height();
        }
        for (String qr : ticket.qrCodes()) {
            height += QrImages.modules(qr).length * StandardTicket.QR_MODULE_DOTS;
        }
        BufferedImage image = new BufferedImage(WIDTH_DOTS, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH_DOTS, height);
        g.setColor(Color.BLACK);
        int y = MARGIN;
        int qr = 0;
        for (int i = 0; i <= lines.size(); i++) {
            while (qr < ticket.qrCodes().size() && ticket.qrLines().get(qr) == i) {
                y = drawQr(g, ticket.qrCodes().get(qr++), y);
            }
            if (i < lines.size()) {
                y = drawLine(g, lines.get(i), y);
            }
        }
        g.dispose();
        return image;
    }

    private static int drawLine(Graphics2D g, DecodedTicket.Line line, int top) {
        int rowHeight = LINE_DOTS * line.height();
        int size = line.font() == EscPosEncoder.Font.B ? 17 : 22;
        Font font = new Font(FONT_NAME, line.bold() ? Font.BOLD : Font.PLAIN, size)
                .deriveFont(AffineTransform.getScaleInstance(line.width(), line.height()));
        g.setFont(font);
        int textWidth = g.getFontMetrics().stringWidth(line.text());
        int x = switch (line.align()) {
            case LEFT -> MARGIN;
            case CENTRE -> (WIDTH_DOTS - textWidth) / 2;
            case RIGHT -> WIDTH_DOTS - MARGIN - textWidth;
        };
        g.drawString(line.text(), Math.max(0, x), top + rowHeight - 5 * line.height());
        return top + rowHeight;
    }

    private static int drawQr(Graphics2D g, String text, int top) {
        boolean[][] modules = QrImages.modules(text);
        int dots = StandardTicket.QR_MODULE_DOTS;
        int left = (WIDTH_DOTS - modules[0].length * dots) / 2;
        for (int y = 0; y < modules.length; y++) {
            for (int x = 0; x < modules[y].length; x++) {
                if (modules[y][x]) {
                    g.fillRect(left + x * dots, top + y * dots, dots, dots);
                }
            }
        }
        return top + modules.length * dots;
    }

    private static String cjkFont() {
        List<String> installed = List.of(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames());
        for (String name : CJK_FONTS) {
            if (installed.contains(name)) {
                return name;
            }
        }
        return Font.SANS_SERIF;
    }
}
