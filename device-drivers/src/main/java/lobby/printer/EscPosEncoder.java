package lobby.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * ESC/POS commands as bytes, without I/O: build a job, then hand {@link #bytes()} to a link.
 * One instance builds one job and is not thread-safe.
 *
 * <p>Text goes in one of two modes. Pure ASCII is sent after FS . (Chinese mode off), because
 * many Chinese printers power up in Chinese mode and print Latin text there in their GB font;
 * anything else is sent after FS &amp; in GB18030. The mode is only switched when it changes.
 * Characters outside GB2312/GBK (4-byte GB18030, e.g. emoji) are sent but most printer fonts
 * lack them.
 */
public final class EscPosEncoder {
    static final int ESC = 0x1B;
    static final int GS = 0x1D;
    static final int FS = 0x1C;
    static final int DLE = 0x10;
    static final int EOT = 0x04;
    static final int LF = 0x0A;
    static final Charset GB18030 = Charset.forName("GB18030");

    /** Largest QR payload at error correction M (version 40); printers print nothing above it. */
    public static final int QR_MAX_BYTES = 2331;

    public enum Align { LEFT, CENTRE, RIGHT }

    public enum Font { A, B }

    private enum Mode { UNKNOWN, ASCII, CHINESE }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    private Mode mode = Mode.UNKNOWN;

    /** ESC @: clears styles; the Chinese mode stays whatever the printer's default is. */
    public EscPosEncoder initialise() {
        mode = Mode.UNKNOWN;
        return put(ESC, '@');
    }

    public EscPosEncoder align(Align align) {
        return put(ESC, 'a', align.ordinal());
    }

    public EscPosEncoder bold(boolean on) {
        return put(ESC, 'E', on ? 1 : 0);
    }

    /** ESC M n: font B is the small one (9x17 dots instead of 12x24). */
    public EscPosEncoder font(Font font) {
        return put(ESC, 'M', font.ordinal());
    }

    /** GS ! n: character width and height as multiples of normal, 1 to 8 each. */
    public EscPosEncoder size(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character size must be 1-8 wide and high, was " + width + "x" + height);
        }
        return put(GS, '!', (width - 1) << 4 | (height - 1));
    }

    /**
     * Text without a line feed. Control characters become spaces, so data typed by a customer
     * (a plate, a name) can never smuggle printer commands into the job.
     */
    public EscPosEncoder text(String text) {
        String clean = printable(text);
        if (clean.isEmpty()) {
            return this;
        }
        boolean ascii = clean.chars().allMatch(c -> c < 0x80);
        Mode wanted = ascii ? Mode.ASCII : Mode.CHINESE;
        if (mode != wanted) {
            put(FS, ascii ? '.' : '&');
            mode = wanted;
        }
        out.writeBytes(clean.getBytes(ascii ? StandardCharsets.US_ASCII : GB18030));
        return this;
    }

    /** Text, then LF. */
    public EscPosEncoder line(String text) {
        return text(text).feed();
    }

    public EscPosEncoder feed() {
        return put(LF);
    }

    /** ESC d n: prints the buffer and feeds n lines (0-255). */
    public EscPosEncoder feed(int lines) {
        return put(ESC, 'd', checkByte(lines, "feed lines"));
    }

    /**
     * The printer's own QR code (GS ( k, model 2, error correction M), so no image is sent.
     * The stored length counts the UTF-8 bytes, not the characters.
     */
    public EscPosEncoder qr(String data, int moduleSize) {
        if (moduleSize < 1 || moduleSize > 16) {
            throw new IllegalArgumentException("QR module size must be 1-16 dots, was " + moduleSize);
        }
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        if (payload.length == 0 || payload.length > QR_MAX_BYTES) {
            throw new IllegalArgumentException("QR data must be 1-" + QR_MAX_BYTES + " bytes, was " + payload.length);
        }
        put(GS, '(', 'k', 4, 0, 49, 65, 50, 0);
        put(GS, '(', 'k', 3, 0, 49, 67, moduleSize);
        put(GS, '(', 'k', 3, 0, 49, 69, 49);
        int stored = payload.length + 3;
        put(GS, '(', 'k', stored & 0xFF, stored >> 8, 49, 80, 48);
        out.writeBytes(payload);
        return put(GS, '(', 'k', 3, 0, 49, 81, 48);
    }

    /** GS k 73: CODE128 in code set B (printable ASCII); a literal '{' is sent as "{{". */
    public EscPosEncoder code128(String data) {
        if (data.isEmpty() || !data.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("CODE128 set B takes 1 or more printable ASCII characters: " + data);
        }
        byte[] body = ("{B" + data.replace("{", "{{")).getBytes(StandardCharsets.US_ASCII);
        put(GS, 'k', 73, checkByte(body.length, "CODE128 length"));
        out.writeBytes(body);
        return this;
    }

    /**
     * GS v 0: a raster bit image, {@code dots[y][x]} true for black. Rows are padded to whole
     * bytes; this is how printers without a QR command or a CJK font get a code or a glyph, at
     * the price of many more bytes on the wire (see the printer wire benchmark).
     */
    public EscPosEncoder raster(boolean[][] dots) {
        int height = dots.length;
        int width = height == 0 ? 0 : dots[0].length;
        int rowBytes = (width + 7) / 8;
        if (height == 0 || width == 0 || rowBytes > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("raster image must be 1-65535 dots each way, was " + width + "x" + height);
        }
        put(GS, 'v', '0', 0, rowBytes & 0xFF, rowBytes >> 8, height & 0xFF, height >> 8);
        for (boolean[] row : dots) {
            for (int b = 0; b < rowBytes; b++) {
                int bits = 0;
                for (int i = 0; i < 8; i++) {
                    int x = b * 8 + i;
                    if (x < row.length && row[x]) {
                        bits |= 0x80 >> i;
                    }
                }
                out.write(bits);
            }
        }
        return this;
    }

    /** GS V 66 0: feeds to the cutter and cuts, leaving a hinge so the ticket does not fall. */
    public EscPosEncoder partialCut() {
        return put(GS, 'V', 66, 0);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** DLE EOT n: the real-time status request (n = 1 to 4); answered even when offline. */
    static byte[] statusRequest(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }

    private EscPosEncoder put(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    private static int checkByte(int value, String what) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " must be 0-255, was " + value);
        }
        return value;
    }

    private static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }
}
