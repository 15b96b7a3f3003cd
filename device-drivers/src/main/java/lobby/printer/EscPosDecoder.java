package lobby.printer;

import static lobby.printer.EscPosEncoder.DLE;
import static lobby.printer.EscPosEncoder.EOT;
import static lobby.printer.EscPosEncoder.ESC;
import static lobby.printer.EscPosEncoder.FS;
import static lobby.printer.EscPosEncoder.GS;
import static lobby.printer.EscPosEncoder.LF;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lobby.printer.EscPosEncoder.Align;
import lobby.printer.EscPosEncoder.Font;

/**
 * Reads ESC/POS bytes the way a printer would: for the simulator, the fake printer and tests.
 * Understands everything {@link EscPosEncoder} emits and skips a few other common commands by
 * their known length; anything else is listed in {@link DecodedTicket#problems()}, never thrown.
 * Like the printers in the lobby it starts in Chinese mode.
 */
public final class EscPosDecoder {
    /** Commands this decoder does not act on but whose argument count is known, so they are skipped cleanly. */
    private static final Map<Integer, Integer> ESC_ARGS = Map.of(
            (int) '2', 0, (int) '-', 1, (int) '3', 1, (int) 't', 1, (int) 'R', 1,
            (int) 'J', 1, (int) 'G', 1, (int) 'V', 1, (int) '{', 1, (int) 'p', 3);
    private static final Map<Integer, Integer> GS_ARGS = Map.of(
            (int) 'H', 1, (int) 'h', 1, (int) 'w', 1, (int) 'f', 1, (int) 'B', 1, (int) 'L', 2, (int) 'W', 2);

    private final byte[] in;
    private final List<String> problems = new ArrayList<>();
    private final PrintedLines out = new PrintedLines((at, what) -> problem(at, what));
    private final List<String> qrCodes = new ArrayList<>();
    private final List<Integer> qrLines = new ArrayList<>();
    private final List<String> barcodes = new ArrayList<>();
    private final List<Integer> statusRequests = new ArrayList<>();
    private int pos;
    private int cuts;
    private String storedQr;

    private EscPosDecoder(byte[] in) {
        this.in = in;
    }

    public static DecodedTicket decode(byte[] bytes) {
        EscPosDecoder d = new EscPosDecoder(bytes.clone());
        while (d.pos < d.in.length) {
            d.step();
        }
        if (d.out.lineStarted()) {
            d.out.endLine();
        }
        return new DecodedTicket(d.out.lines(), d.qrCodes, d.barcodes, d.cuts, d.statusRequests, d.problems,
                d.out.preview(), d.qrLines);
    }

    private void step() {
        int b = u(pos);
        if (b >= 0x20 && b != 0x7F) {
            out.textByte(pos++, b);
            return;
        }
        out.flushText();
        switch (b) {
            case LF -> { out.endLine(); pos++; }
            case '\r' -> pos++;
            case ESC -> esc();
            case GS -> gs();
            case FS -> fs();
            case DLE -> dle();
            default -> { problem(pos, String.format("unknown control byte 0x%02X", b)); pos++; }
        }
    }

    private void esc() {
        if (!need(2, "ESC")) return;
        int c = u(pos + 1);
        if (c == '@') {
            out.reset();
            pos += 2;
        } else if (c == 'a' && need(3, "ESC a")) {
            int n = u(pos + 2) % 48;
            if (n > 2) problem(pos, "ESC a with alignment " + u(pos + 2));
            else out.align = Align.values()[n];
            pos += 3;
        } else if (c == 'E' && need(3, "ESC E")) {
            out.bold = (u(pos + 2) & 1) == 1;
            pos += 3;
        } else if (c == 'M' && need(3, "ESC M")) {
            out.font = (u(pos + 2) & 1) == 1 ? Font.B : Font.A;
            pos += 3;
        } else if (c == '!' && need(3, "ESC !")) {
            int n = u(pos + 2);
            out.font = (n & 1) == 1 ? Font.B : Font.A;
            out.bold = (n & 0x08) != 0;
            out.height = (n & 0x10) != 0 ? 2 : 1;
            out.width = (n & 0x20) != 0 ? 2 : 1;
            pos += 3;
        } else if (c == 'd' && need(3, "ESC d")) {
            for (int i = 0; i < u(pos + 2); i++) out.endLine();
            pos += 3;
        } else if (ESC_ARGS.containsKey(c)) {
            skip(2 + ESC_ARGS.get(c), "ESC " + (char) c);
        } else if (pos < in.length) {
            unknown("ESC", c);
        }
    }

    private void gs() {
        if (!need(2, "GS")) return;
        int c = u(pos + 1);
        if (c == '!' && need(3, "GS !")) {
            out.width = (u(pos + 2) >> 4 & 7) + 1;
            out.height = (u(pos + 2) & 7) + 1;
            pos += 3;
        } else if (c == 'V' && need(3, "GS V")) {
            int m = u(pos + 2);
            if (out.lineStarted()) out.endLine();
            cuts++;
            out.cut();
            skip(m == 65 || m == 66 ? 4 : 3, "GS V");
        } else if (c == '(' && need(5, "GS (")) {
            int length = u(pos + 3) | u(pos + 4) << 8;
            if (need(5 + length, "GS ( " + (char) u(pos + 2))) {
                if (u(pos + 2) == 'k' && length >= 2) twoDimensional(pos + 5, length);
                pos += 5 + length;
            }
        } else if (c == 'k' && need(4, "GS k")) {
            barcode();
        } else if (c == 'v' && need(8, "GS v 0")) {
            rasterImage();
        } else if (GS_ARGS.containsKey(c)) {
            skip(2 + GS_ARGS.get(c), "GS " + (char) c);
        } else if (pos < in.length) {
            unknown("GS", c);
        }
    }

    private void fs() {
        if (!need(2, "FS")) return;
        int c = u(pos + 1);
        if (c == '&' || c == '.') {
            out.chinese = c == '&';
            pos += 2;
        } else if (c == 'C' || c == '!') {
            skip(3, "FS " + (char) c);
        } else {
            unknown("FS", c);
        }
    }

    private void dle() {
        if (!need(2, "DLE")) return;
        int c = u(pos + 1);
        if (c == EOT) {
            if (need(3, "DLE EOT")) {
                statusRequests.add(u(pos + 2));
                pos += 3;
            }
        } else if (c == 0x05) {
            skip(3, "DLE ENQ");
        } else if (c == 0x14) {
            skip(5, "DLE DC4");
        } else {
            unknown("DLE", c);
        }
    }

    /** GS ( k: only QR codes (cn 49) are acted on; the data stored by fn 80 counts once fn 81 prints it. */
    private void twoDimensional(int at, int length) {
        if (u(at) != 49) return;
        int fn = u(at + 1);
        if (fn == 80 && length >= 3) {
            storedQr = new String(in, at + 3, length - 3, StandardCharsets.UTF_8);
        } else if (fn == 81) {
            if (storedQr == null) {
                problem(pos, "QR print (fn 81) with no data stored");
            } else {
                if (out.lineStarted()) out.endLine();
                qrCodes.add(storedQr);
                qrLines.add(out.lines().size());
                out.code("QR", storedQr);
            }
        }
    }

    /** GS v 0 m xL xH yL yH d...: skipped as a picture, shown as its size in dots. */
    private void rasterImage() {
        int rowBytes = u(pos + 4) | u(pos + 5) << 8;
        int rows = u(pos + 6) | u(pos + 7) << 8;
        if (need(8 + rowBytes * rows, "GS v 0")) {
            if (out.lineStarted()) out.endLine();
            out.code("image", rowBytes * 8 + "x" + rows + " dots");
            pos += 8 + rowBytes * rows;
        }
    }

    private void barcode() {
        int m = u(pos + 2);
        if (m <= 6) {
            int end = pos + 3;
            while (end < in.length && in[end] != 0) end++;
            barcodes.add(new String(in, pos + 3, end - pos - 3, StandardCharsets.US_ASCII));
            pos = Math.min(end + 1, in.length);
            return;
        }
        int n = u(pos + 3);
        if (!need(4 + n, "GS k")) return;
        String data = new String(in, pos + 4, n, StandardCharsets.US_ASCII);
        if (m == 73) {
            data = code128Text(data);
        }
        barcodes.add(data);
        out.code(m == 73 ? "CODE128" : "barcode", data);
        pos += 4 + n;
    }

    /** In GS k 73 data, '{' starts a code set switch or function character, and "{{" is a literal brace. */
    private static String code128Text(String data) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < data.length(); i++) {
            if (data.charAt(i) != '{') {
                text.append(data.charAt(i));
            } else if (++i < data.length() && data.charAt(i) == '{') {
                text.append('{');
            }
        }
        return text.toString();
    }

    private boolean need(int count, String command) {
        if (pos + count <= in.length) return true;
        problem(pos, "truncated " + command + ": " + (in.length - pos) + " of " + count + " bytes");
        pos = in.length;
        return false;
    }

    private void skip(int count, String command) {
        if (need(count, command)) pos += count;
    }

    private void unknown(String prefix, int c) {
        problem(pos, String.format("unknown command %s 0x%02X", prefix, c));
        pos += 2;
    }

    private void problem(int at, String what) {
        problems.add("offset " + at + ": " + what);
    }

    private int u(int at) {
        return in[at] & 0xFF;
    }
}
