package lobby.provision;

import java.time.Duration;
import java.util.function.BiFunction;
import lobby.provision.inventory.Kiosk;
import lobby.provision.rollout.Console;
import lobby.provision.rollout.KioskReport;
import lobby.provision.ssh.ConnectionException;
import lobby.provision.ssh.Connector;
import lobby.provision.ssh.HostKeyException;
import lobby.provision.ssh.KnownHosts;
import lobby.provision.ssh.Remote;
import lobby.provision.ssh.SshTarget;

/** Connects to one kiosk for a command; an unreachable kiosk or a refused host key becomes its report. */
final class Connecting {
    private Connecting() {
    }

    /** @param work given the connection and the start time (System.nanoTime) */
    static KioskReport onKiosk(Connector ssh, KnownHosts knownHosts, Kiosk kiosk, Console console,
                               BiFunction<Remote, Long, KioskReport> work) {
        long start = System.nanoTime();
        Remote remote;
        try {
            remote = ssh.connect(target(kiosk), knownHosts);
        } catch (HostKeyException e) {
            console.kiosk(kiosk.id(), "connect ... failed: " + e.getMessage());
            return KioskReport.failed(kiosk.id(), "connect: " + e.getMessage(), since(start), true);
        } catch (ConnectionException e) {
            console.kiosk(kiosk.id(), "connect ... failed: " + e.getMessage());
            return KioskReport.failed(kiosk.id(), "connect: " + e.getMessage(), since(start), false);
        }
        try (remote) {
            return work.apply(remote, start);
        } catch (ConnectionException e) {
            console.kiosk(kiosk.id(), "failed: " + e.getMessage());
            return KioskReport.failed(kiosk.id(), e.getMessage(), since(start), false);
        }
    }

    static SshTarget target(Kiosk kiosk) {
        return new SshTarget(kiosk.id(), kiosk.host(), kiosk.port(), kiosk.user(), kiosk.key());
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
