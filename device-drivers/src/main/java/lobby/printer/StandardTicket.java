package lobby.printer;

import lobby.printer.EscPosEncoder.Align;
import lobby.printer.EscPosEncoder.Font;

/**
 * The one queue-ticket layout, shared by the real and the simulated printer so that the
 * simulator prints exactly the bytes the lobby printer gets.
 */
public final class StandardTicket {
    /** Four times normal: "A012" fills half of a 58 mm roll and reads from across the lobby. */
    static final int NUMBER_SCALE = 4;
    /** Dots per QR module: a 50-character link (33 modules) comes out about 25 mm wide at 203 dpi. */
    static final int QR_MODULE_DOTS = 6;
    /** Blank lines before the cut, so the footer clears the cutter blade. */
    static final int FEED_BEFORE_CUT = 3;

    private StandardTicket() {
    }

    public static byte[] encode(TicketLayout ticket) {
        EscPosEncoder job = new EscPosEncoder().initialise()
                .align(Align.CENTRE)
                .bold(true).line(ticket.header()).bold(false)
                .size(NUMBER_SCALE, NUMBER_SCALE).line(ticket.number()).size(1, 1)
                .align(Align.LEFT);
        ticket.lines().forEach(job::line);
        boolean qr = ticket.qrText() != null && !ticket.qrText().isEmpty();
        if (qr || !ticket.footer().isEmpty()) {
            job.align(Align.CENTRE);
        }
        if (qr) {
            job.qr(ticket.qrText(), QR_MODULE_DOTS).feed();
        }
        if (!ticket.footer().isEmpty()) {
            job.font(Font.B);
            ticket.footer().forEach(job::line);
            job.font(Font.A);
        }
        return job.feed(FEED_BEFORE_CUT).partialCut().bytes();
    }
}
