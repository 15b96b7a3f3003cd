package lobby.provision;

import java.util.List;
import lobby.provision.deploy.Deployment;
import lobby.provision.deploy.KioskRun;
import lobby.provision.deploy.Release;
import lobby.provision.deploy.Result;
import lobby.provision.deploy.StepOutcome;
import lobby.provision.inventory.Inventory;
import lobby.provision.inventory.Kiosk;
import lobby.provision.rollout.Console;
import lobby.provision.rollout.KioskReport;
import lobby.provision.rollout.Rollout;
import lobby.provision.ssh.Connector;

/** {@code plan} (check only) and {@code apply}: the steps of {@link Deployment} on every kiosk. */
final class DeployCommand extends KioskCommand {
    private final boolean apply;
    private final Release release;

    DeployCommand(CommandLine.Options options, Inventory inventory, List<Kiosk> kiosks, Console console) {
        super(options, inventory, kiosks, console);
        this.apply = options.command().equals("apply");
        try {
            this.release = options.dist() == null ? null : Release.load(options.dist(), options.version());
        } catch (ProvisionException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    @Override
    public int run(Connector ssh) {
        console.line((apply ? "apply " : "plan ") + (release == null ? "(no release given)"
                : release.version() + " (" + release.file().getFileName() + ", " + release.sizeText() + ", sha256 "
                + release.sha256().substring(0, 12) + "...)") + " on " + kiosks.size()
                + (kiosks.size() == 1 ? " kiosk" : " kiosks") + ", " + options.parallel() + " at a time");
        List<KioskReport> reports = onEachKiosk(ssh, options.maxFailures(), (kiosk, remote, start) -> {
            KioskRun run = new KioskRun(kiosk, remote, release, !apply);
            List<StepOutcome> steps = Deployment.run(run, (n, total, outcome) -> console.kiosk(kiosk.id(),
                    "[" + n + "/" + total + "] " + outcome.step() + " ... " + outcome.result().word()
                            + (outcome.detail() == null ? "" : ": " + outcome.detail())));
            KioskReport report = KioskReport.of(kiosk.id(), steps, Connecting.since(start));
            console.kiosk(kiosk.id(), ending(report));
            return report;
        });
        SummaryTable.print(console, reports);
        return Rollout.exitCode(reports);
    }

    private String ending(KioskReport r) {
        String took = " (" + Connecting.seconds(r.took()) + ")";
        if (r.result() == Result.FAILED) {
            return "failed at " + r.message().split(":", 2)[0] + took;
        }
        if (r.changedSteps().isEmpty()) {
            return "ok: nothing " + (apply ? "to change" : "would change") + took;
        }
        return r.result().word() + ": " + String.join(", ", r.changedSteps()) + took;
    }
}
