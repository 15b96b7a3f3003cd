package lobby.backoffice.stats;

import java.util.List;

/**
 * A report as CSV for a spreadsheet: a header, one line per advisor and kind, and a TOTAL line.
 * It starts with a byte-order mark because Excel, which managers open it with, otherwise reads
 * UTF-8 as the local code page and garbles the advisors' Chinese names.
 */
public final class Csv {
    public static final String BOM = "\uFEFF";
    public static final String HEADER = "from,to,advisorId,advisorName,kind,visits,avgWaitToAckSeconds,"
            + "avgWaitToCallSeconds,avgServiceSeconds,greetedWithinTargetShare,noShows";

    private Csv() {
    }

    public static String of(Report report) {
        StringBuilder out = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (Report.Row r : report.rows()) {
            line(out, report, r.advisorId(), r.advisorName(), r.kind(), r.figures());
        }
        line(out, report, "TOTAL", null, null, report.total());
        return out.toString();
    }

    private static void line(StringBuilder out, Report report, String advisorId, String advisorName, String kind,
                             Figures f) {
        List<Object> cells = java.util.Arrays.asList(report.from(), report.to(), advisorId, advisorName, kind, f.visits(),
                f.avgWaitToAckSeconds(), f.avgWaitToCallSeconds(), f.avgServiceSeconds(),
                f.greetedWithinTargetShare(), f.noShows());
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * RFC 4180 quoting; a text starting with = + - @ gets a leading apostrophe so a spreadsheet
     * shows it instead of running it as a formula (names come from the roster, typed by people).
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
