package lobby.backoffice.appointments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lobby.checkin.Appointment;

/**
 * A file of bookings as a dealership's booking system or a spreadsheet exports it: CSV with a
 * header naming the {@link #COLUMNS} in any order, one booking per line. The file is taken
 * whole or not at all, so every line is checked and every bad one reported with its line
 * number (the header is line 1) before anything is stored.
 */
public final class BookingImport {
    public static final List<String> COLUMNS = List.of("id", "day", "time", "plate", "customer_name", "kind",
            "advisor_id");
    /**
     * A busy service department books a few hundred visits a week; a file past this is most
     * likely the wrong file, and one transaction of it would hold up the kiosks' check-ins.
     */
    public static final int MAX_ROWS = 2_000;
    static final String BOM = "\uFEFF";

    /** A line that cannot be taken, and why. */
    public record LineProblem(int line, String problem) {
    }

    /**
     * What a file holds.
     *
     * @param rows         bookings in the file (lines that are not blank, the header aside); past
     *                     {@link #MAX_ROWS} they are counted and not checked
     * @param appointments the bookings, when there are no problems
     * @param freshIds     ids made up for bookings without one
     * @param problems     every line that cannot be taken; empty when the file can be saved
     */
    public record Outcome(int rows, List<Appointment> appointments, Set<String> freshIds,
                          List<LineProblem> problems) {
        public Outcome {
            appointments = List.copyOf(appointments);
            freshIds = Set.copyOf(freshIds);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty() && rows <= MAX_ROWS;
        }
    }

    private BookingImport() {
    }

    /** @param text the file as text; a leading byte-order mark (Excel writes one) is skipped */
    public static Outcome read(String text, BookingRules rules) {
        List<CsvRecords.Row> all = CsvRecords.parse(text.startsWith(BOM) ? text.substring(BOM.length()) : text);
        if (all.isEmpty() || all.get(0).blank()) {
            return refused(0, new LineProblem(1, "the first line must be the header " + String.join(",", COLUMNS)));
        }
        CsvRecords.Row header = all.get(0);
        List<String> columns = header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        String headerProblem = header.problem() != null ? header.problem() : headerProblem(columns);
        List<CsvRecords.Row> rows = all.subList(1, all.size()).stream().filter(r -> !r.blank()).toList();
        if (headerProblem != null) {
            return refused(rows.size(), new LineProblem(header.line(), headerProblem));
        }
        if (rows.size() > MAX_ROWS) {
            return new Outcome(rows.size(), List.of(), Set.of(), List.of());
        }

        List<LineProblem> problems = new ArrayList<>();
        List<BookingRules.Checked> checked = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (CsvRecords.Row row : rows) {
            String problem = row.problem();
            if (problem == null && row.fields().size() != columns.size()) {
                problem = "expected " + columns.size() + " fields as in the header, found " + row.fields().size();
            }
            if (problem != null) {
                problems.add(new LineProblem(row.line(), problem));
                continue;
            }
            BookingRules.Checked c = rules.check(form(columns, row.fields()), BookingRules.Names.CSV);
            List<String> rowProblems = new ArrayList<>(c.problems());
            if (c.ok() && !c.freshId()) {
                Integer earlier = lineOfId.putIfAbsent(c.appointment().id(), row.line());
                if (earlier != null) {
                    rowProblems.add("id " + c.appointment().id() + " is on line " + earlier + " too");
                }
            }
            if (rowProblems.isEmpty()) {
                checked.add(c);
            } else {
                problems.add(new LineProblem(row.line(), String.join("; ", rowProblems)));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(rows.size(), List.of(), Set.of(), problems);
        }
        return withUniqueFreshIds(rows.size(), checked, lineOfId.keySet(), rules);
    }

    /** Made-up ids must not meet an id of the file, nor each other: a clash gets another. */
    private static Outcome withUniqueFreshIds(int rows, List<BookingRules.Checked> checked, Set<String> fileIds,
                                              BookingRules rules) {
        Set<String> taken = new HashSet<>(fileIds);
        Set<String> fresh = new LinkedHashSet<>();
        List<Appointment> appointments = new ArrayList<>();
        for (BookingRules.Checked c : checked) {
            Appointment a = c.appointment();
            if (c.freshId()) {
                String id = a.id();
                while (!taken.add(id)) {
                    id = rules.newId(a.day());
                }
                a = new Appointment(id, a.siteId(), a.day(), a.time(), a.plate(), a.customerName(), a.kind(),
                        a.advisorId());
                fresh.add(id);
            }
            appointments.add(a);
        }
        return new Outcome(rows, appointments, fresh, List.of());
    }

    private static String headerProblem(List<String> columns) {
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (String c : columns) {
            if (!COLUMNS.contains(c)) {
                unknown.add(c.isEmpty() ? "(empty)" : BookingRules.quote(c));
            } else if (!seen.add(c)) {
                twice.add(c);
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !seen.contains(c)).toList();
        if (unknown.isEmpty() && twice.isEmpty() && missing.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            parts.add("unknown " + String.join(", ", unknown));
        }
        if (!twice.isEmpty()) {
            parts.add("twice " + String.join(", ", twice));
        }
        return "the header must name the columns " + String.join(",", COLUMNS) + " (in any order): "
                + String.join("; ", parts);
    }

    private static BookingForm form(List<String> columns, List<String> fields) {
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            byName.put(columns.get(i), fields.get(i));
        }
        return new BookingForm(byName.get("id"), byName.get("day"), byName.get("time"), byName.get("plate"),
                byName.get("customer_name"), byName.get("kind"), byName.get("advisor_id"));
    }

    private static Outcome refused(int rows, LineProblem problem) {
        return new Outcome(rows, List.of(), Set.of(), List.of(problem));
    }
}
