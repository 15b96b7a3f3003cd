package lobby.printer;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import lobby.printer.EscPosEncoder.Align;
import lobby.qr.QrImages;

/**
 * The standard ticket with its number and QR code sent as raster images instead of the
 * printer's own large font and QR command: what a printer without those features would need.
 * Kept for the wire benchmark's comparison and for printers that lack GS ( k.
 */
public final class RasterTicket {
    /** The number's height in dots: about what the printer's 4x font gives (24 x 4). */
    static final int NUMBER_DOTS = 96;

    private RasterTicket() {
    }

    public static byte[] encode(TicketLayout ticket) {
        EscPosEncoder job = new EscPosEncoder().initialise()
                .align(Align.CENTRE)
                .bold(true).line(ticket.header()).bold(false)
                .raster(text(ticket.number(), NUMBER_DOTS)).feed()
                .align(Align.LEFT);
        ticket.lines().forEach(job::line);
        job.align(Align.CENTRE);
        if (ticket.qrText() != null && !ticket.qrText().isEmpty()) {
            job.raster(scale(QrImages.modules(ticket.qrText()), StandardTicket.QR_MODULE_DOTS)).feed();
        }
        ticket.footer().forEach(job::line);
        return job.feed(StandardTicket.FEED_BEFORE_CUT).partialCut().bytes();
    }

    static boolean[][] scale(boolean[][] modules, int dots) {
        boolean[][] out = new boolean[modules.length * dots][modules[0].length * dots];
        for (int y = 0; y < out.length; y++) {
            for (int x = 0; x < out[0].length; x++) {
                out[y][x] = modules[y / dots][x / dots];
            }
        }
        return out;
    }

    /** Text drawn in a bold sans font, cropped to its ink, as dots. */
    static boolean[][] text(String text, int heightDots) {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, heightDots);
        FontRenderContext frc = new FontRenderContext(null, false, false);
        int width = (int) Math.ceil(font.getStringBounds(text, frc).getWidth()) + 4;
        BufferedImage image = new BufferedImage(width, heightDots + heightDots / 3, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(font);
        g.drawString(text, 2, heightDots);
        g.dispose();
        boolean[][] dots = new boolean[image.getHeight()][image.getWidth()];
        for (int y = 0; y < dots.length; y++) {
            for (int x = 0; x < dots[0].length; x++) {
                dots[y][x] = (image.getRGB(x, y) & 0xFFFFFF) == 0;
            }
        }
        return dots;
    }
}
