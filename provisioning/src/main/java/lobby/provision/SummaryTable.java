package lobby.provision;

import java.util.List;
import lobby.provision.deploy.Result;
import lobby.provision.rollout.Console;
import lobby.provision.rollout.KioskReport;

/** The table at the end of a plan or apply, then why each failed or skipped kiosk did. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(Console console, List<KioskReport> reports) {
        int w = Math.max(5, console.idWidth());
        StringBuilder out = new StringBuilder("\n");
        int stepsWidth = Math.max(13, reports.stream().mapToInt(r -> String.join(",", r.changedSteps()).length())
                .max().orElse(0));
        String format = "%-" + w + "s  %-12s  %-" + stepsWidth + "s  %s%n";
        out.append(String.format(format, "kiosk", "result", "changed steps", "duration"));
        for (KioskReport r : reports) {
            List<String> changed = r.changedSteps();
            out.append(String.format(format, r.kioskId(), r.result().word(),
                    changed.isEmpty() ? "-" : String.join(",", changed),
                    r.result() == Result.SKIPPED ? "-" : Connecting.seconds(r.took())));
        }
        appendReasons(out, reports, Result.FAILED, "failed:", w);
        appendReasons(out, reports, Result.SKIPPED, "skipped:", w);
        long ok = reports.stream().filter(r -> r.result() != Result.FAILED && r.result() != Result.SKIPPED).count();
        out.append(String.format("%n%d of %d kiosks ok%s%n", ok, reports.size(),
                reports.stream().anyMatch(KioskReport::hostKeyProblem) ? "; HOST KEY PROBLEM (see above)" : ""));
        console.block(out.toString());
    }

    private static void appendReasons(StringBuilder out, List<KioskReport> reports, Result result, String title, int w) {
        List<KioskReport> matching = reports.stream().filter(r -> r.result() == result).toList();
        if (matching.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append('\n');
        for (KioskReport r : matching) {
            out.append(String.format("  %-" + w + "s  %s%n", r.kioskId(), r.message()));
        }
    }
}
