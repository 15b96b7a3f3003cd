package lobby.printer;

import java.util.List;
import java.util.Objects;

/**
 * What goes on a queue ticket, in printer terms: the printer knows nothing of check-ins.
 *
 * @param header  shop name, printed bold and centred
 * @param number  the ticket number, printed large
 * @param lines   body lines (kind of visit, advisor and desk, wait, masked plate, time)
 * @param qrText  encoded as the printer's own QR code (e.g. the status-page link); may be null
 * @param footer  short notes, Chinese then English
 */
public record TicketLayout(String header, String number, List<String> lines, String qrText, List<String> footer) {
    public TicketLayout {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(number, "number");
        lines = List.copyOf(lines);
        footer = List.copyOf(footer);
    }
}
