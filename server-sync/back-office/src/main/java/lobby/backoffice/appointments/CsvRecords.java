package lobby.backoffice.appointments;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV text as records, after RFC 4180 as spreadsheets write it: fields separated by commas,
 * records by CRLF or LF, a field in double quotes may hold commas, line breaks and doubled
 * quotes. Each record knows the line of the file it starts on, so that a problem can be shown
 * where a person will look for it. A malformed record is a record with a problem, not an
 * exception: the other lines are still read and reported on.
 */
public final class CsvRecords {
    /**
     * One record.
     *
     * @param line    1-based line of the file where the record starts
     * @param fields  its fields, unquoted; one empty field for an empty line
     * @param problem why the record could not be read as written, or null
     */
    public record Row(int line, List<String> fields, String problem) {
        public Row {
            fields = List.copyOf(fields);
        }

        /** An empty line, or one of commas only (spreadsheets export trailing rows so). */
        public boolean blank() {
            return problem == null && fields.stream().allMatch(String::isBlank);
        }
    }

    private CsvRecords() {
    }

    /** @param text the file's text, without a byte-order mark */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        String problem = null;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                rows.add(new Row(start, fields, problem));
                fields = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                problem = null;
                line++;
                start = line;
            } else if (afterQuote) {
                if (!Character.isWhitespace(ch) && problem == null) {
                    problem = "field " + (fields.size() + 1) + " has text after its closing quote";
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                // Spaces before an opening quote, as some hand-edited files have, are not data.
                field.setLength(0);
                quoted = true;
            } else {
                field.append(ch);
            }
            i++;
        }
        if (quoted) {
            problem = "field " + (fields.size() + 1) + " opens a quote that is never closed";
        }
        if (quoted || afterQuote || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(start, fields, problem));
        }
        return rows;
    }
}
