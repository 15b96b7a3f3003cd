package lobby.printer;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lobby.printer.EscPosEncoder.Align;
import lobby.printer.EscPosEncoder.Font;

/**
 * What a printer would have put on paper for some ESC/POS bytes (see {@link EscPosDecoder}).
 *
 * @param lines          printed lines in order, blank ones included
 * @param qrCodes        data of each QR code actually printed (stored and then printed)
 * @param barcodes       data of each 1D barcode
 * @param cuts           how many cuts the bytes ask for
 * @param statusRequests the n of each DLE EOT n real-time status request
 * @param problems       bytes the decoder did not understand, with their offsets; empty when clean
 * @param preview        the ticket as plain text for a console, QR codes and cuts shown in brackets
 * @param qrLines        for each QR code, how many lines were printed before it (where it sits)
 */
public record DecodedTicket(List<Line> lines, List<String> qrCodes, List<String> barcodes, int cuts,
                            List<Integer> statusRequests, List<String> problems, String preview,
                            List<Integer> qrLines) {
    public DecodedTicket {
        lines = List.copyOf(lines);
        qrCodes = List.copyOf(qrCodes);
        qrLines = List.copyOf(qrLines);
        barcodes = List.copyOf(barcodes);
        statusRequests = List.copyOf(statusRequests);
        problems = List.copyOf(problems);
    }

    /** One printed line with the style it was printed in (width and height as multiples of normal). */
    public record Line(String text, Align align, boolean bold, int width, int height, Font font) {
    }

    /** The printed text, one line per line, without the blank lines fed before the cut. */
    public String text() {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n")).stripTrailing();
    }

    /** The first line containing {@code fragment}, to check how it was printed. */
    public Optional<Line> lineContaining(String fragment) {
        return lines.stream().filter(l -> l.text().contains(fragment)).findFirst();
    }
}
