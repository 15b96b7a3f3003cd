package lobby.provision;

import java.util.List;
import lobby.provision.deploy.HealthFile;
import lobby.provision.deploy.KioskRun;
import lobby.provision.deploy.KioskStatus;
import lobby.provision.deploy.Result;
import lobby.provision.inventory.Inventory;
import lobby.provision.inventory.Kiosk;
import lobby.provision.rollout.Console;
import lobby.provision.rollout.KioskReport;
import lobby.provision.rollout.Rollout;
import lobby.provision.ssh.Connector;

/** {@code status}: a few lines per kiosk, printed as each kiosk answers. */
final class StatusCommand extends KioskCommand {
    StatusCommand(CommandLine.Options options, Inventory inventory, List<Kiosk> kiosks, Console console) {
        super(options, inventory, kiosks, console);
    }

    @Override
    public int run(Connector ssh) {
        // Looking changes nothing, so one unreachable kiosk is no reason to stop looking at the others.
        List<KioskReport> reports = onEachKiosk(ssh, Integer.MAX_VALUE, (kiosk, remote, start) -> {
            KioskStatus s = KioskStatus.read(new KioskRun(kiosk, remote, null, true));
            console.block(describe(kiosk, s));
            return new KioskReport(kiosk.id(), Result.OK, List.of(), null, Connecting.since(start), false);
        });
        return Rollout.exitCode(reports);
    }

    private String describe(Kiosk kiosk, KioskStatus s) {
        String indent = " ".repeat(console.idWidth() + 2);
        StringBuilder out = new StringBuilder(console.pad(kiosk.id())).append("  reachable (").append(kiosk.host())
                .append(':').append(kiosk.port()).append("); version ").append(s.current() == null ? "none" : s.current())
                .append(" (previous ").append(s.previous() == null ? "none" : s.previous()).append("); service ")
                .append(s.service()).append('\n');
        HealthFile h = s.health();
        if (h == null) {
            out.append(indent).append("health: ").append(s.healthProblem()).append('\n');
            return out.toString();
        }
        out.append(indent).append("health: ").append(Boolean.TRUE.equals(h.ok()) ? "ok" : "PROBLEM")
                .append(", version ").append(h.version()).append(", written ").append(h.at())
                .append(s.ageSeconds() == null ? "" : " (" + s.ageSeconds() + " s ago)")
                .append("; last sync ").append(h.lastSync() == null ? "never" : h.lastSync())
                .append("; pending ").append(h.pending() == null ? "?" : h.pending()).append('\n');
        for (HealthFile.Device d : h.devices()) {
            out.append(indent).append("  ").append(d.device()).append(' ').append(d.state())
                    .append(d.detail() == null || d.detail().isBlank() ? "" : ": " + d.detail()).append('\n');
        }
        return out.toString();
    }
}
