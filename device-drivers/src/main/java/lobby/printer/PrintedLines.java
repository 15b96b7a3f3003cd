package lobby.printer;

import static lobby.printer.EscPosEncoder.GB18030;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import lobby.printer.EscPosEncoder.Align;
import lobby.printer.EscPosEncoder.Font;

/**
 * The decoder's print state and the lines it produces. Text bytes are gathered until the next
 * control byte and then decoded in the mode in force (GB18030 in Chinese mode): no control
 * byte occurs inside a GB18030 character, so a run never splits one. A line keeps the style of
 * its first character.
 */
final class PrintedLines {
    boolean chinese = true;
    Align align = Align.LEFT;
    boolean bold;
    int width = 1;
    int height = 1;
    Font font = Font.A;

    private final BiConsumer<Integer, String> problems;
    private final ByteArrayOutputStream run = new ByteArrayOutputStream();
    private final StringBuilder line = new StringBuilder();
    private final List<DecodedTicket.Line> lines = new ArrayList<>();
    private final TicketPreview preview = new TicketPreview();
    private int runStart;
    private DecodedTicket.Line lineStyle;

    /** @param problems told the offset and description of text that does not decode */
    PrintedLines(BiConsumer<Integer, String> problems) {
        this.problems = problems;
    }

    /** ESC @: styles back to normal. The Chinese mode is the printer's power-up setting and stays. */
    void reset() {
        align = Align.LEFT;
        bold = false;
        width = 1;
        height = 1;
        font = Font.A;
    }

    void textByte(int offset, int b) {
        if (run.size() == 0) {
            runStart = offset;
        }
        run.write(b);
    }

    void flushText() {
        if (run.size() == 0) {
            return;
        }
        String text = new String(run.toByteArray(), chinese ? GB18030 : StandardCharsets.US_ASCII);
        run.reset();
        if (text.indexOf('\uFFFD') >= 0) {
            problems.accept(runStart, chinese ? "malformed GB18030 text" : "bytes above 0x7F while Chinese mode is off");
        }
        if (line.length() == 0) {
            lineStyle = style("");
        }
        line.append(text);
    }

    void endLine() {
        flushText();
        DecodedTicket.Line printed = line.length() == 0 ? style("") : new DecodedTicket.Line(line.toString(),
                lineStyle.align(), lineStyle.bold(), lineStyle.width(), lineStyle.height(), lineStyle.font());
        lines.add(printed);
        preview.line(printed);
        line.setLength(0);
    }

    boolean lineStarted() {
        return line.length() > 0 || run.size() > 0;
    }

    void code(String kind, String data) {
        preview.code(kind, data);
    }

    void cut() {
        preview.cut();
    }

    List<DecodedTicket.Line> lines() {
        return lines;
    }

    String preview() {
        return preview.toString();
    }

    private DecodedTicket.Line style(String text) {
        return new DecodedTicket.Line(text, align, bold, width, height, font);
    }
}
