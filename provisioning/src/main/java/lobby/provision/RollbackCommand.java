package lobby.provision;

import java.util.List;
import lobby.provision.deploy.KioskRun;
import lobby.provision.deploy.Result;
import lobby.provision.deploy.RollbackAction;
import lobby.provision.deploy.StepFailure;
import lobby.provision.inventory.Inventory;
import lobby.provision.inventory.Kiosk;
import lobby.provision.rollout.Console;
import lobby.provision.rollout.KioskReport;
import lobby.provision.rollout.Rollout;
import lobby.provision.ssh.Connector;

/** {@code rollback}: each kiosk back to its previous release, saying from which to which. */
final class RollbackCommand extends KioskCommand {
    RollbackCommand(CommandLine.Options options, Inventory inventory, List<Kiosk> kiosks, Console console) {
        super(options, inventory, kiosks, console);
    }

    @Override
    public int run(Connector ssh) {
        List<KioskReport> reports = onEachKiosk(ssh, options.maxFailures(), (kiosk, remote, start) -> {
            try {
                String done = RollbackAction.toPrevious(new KioskRun(kiosk, remote, null, false));
                console.kiosk(kiosk.id(), done);
                return new KioskReport(kiosk.id(), Result.CHANGED, List.of(), done, Connecting.since(start), false);
            } catch (StepFailure e) {
                console.kiosk(kiosk.id(), "rollback failed: " + e.getMessage());
                return KioskReport.failed(kiosk.id(), e.getMessage(), Connecting.since(start), false);
            }
        });
        return Rollout.exitCode(reports);
    }
}
