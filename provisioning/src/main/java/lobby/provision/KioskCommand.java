package lobby.provision;

import java.util.List;
import lobby.provision.inventory.Inventory;
import lobby.provision.inventory.Kiosk;
import lobby.provision.rollout.Console;
import lobby.provision.rollout.KioskReport;
import lobby.provision.rollout.Rollout;
import lobby.provision.ssh.Connector;
import lobby.provision.ssh.KnownHosts;
import lobby.provision.ssh.Remote;

/**
 * A command done on each selected kiosk over a connection of its own, {@code --parallel} at a
 * time ({@link Rollout}); an unreachable kiosk or a refused host key becomes that kiosk's report
 * ({@link Connecting}).
 */
abstract class KioskCommand implements ProvisionMain.Command {
    /** The command's work on one kiosk, given its connection and the start time (System.nanoTime). */
    interface OnKiosk {
        KioskReport run(Kiosk kiosk, Remote remote, long start);
    }

    final CommandLine.Options options;
    final Inventory inventory;
    final List<Kiosk> kiosks;
    final Console console;

    KioskCommand(CommandLine.Options options, Inventory inventory, List<Kiosk> kiosks, Console console) {
        this.options = options;
        this.inventory = inventory;
        this.kiosks = kiosks;
        this.console = console;
    }

    /** @param maxFailures failed kiosks after which the kiosks not yet started are left alone */
    List<KioskReport> onEachKiosk(Connector ssh, int maxFailures, OnKiosk work) {
        KnownHosts knownHosts = KnownHosts.load(inventory.knownHosts());
        Rollout rollout = new Rollout(options.parallel(), maxFailures, console);
        return rollout.run(kiosks, kiosk -> Connecting.onKiosk(ssh, knownHosts, kiosk, console,
                (remote, start) -> work.run(kiosk, remote, start)));
    }
}
