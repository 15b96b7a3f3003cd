package lobby.provision.deploy;

import java.util.ArrayList;
import java.util.List;
import lobby.provision.inventory.Kiosk;
import lobby.provision.ssh.CommandResult;
import lobby.provision.ssh.Remote;

/**
 * One kiosk during one command: the connection, what the steps learn on the way (the Java
 * package for its OS, the links before the switch, when the service was restarted), and the
 * helpers every step uses to run commands. Commands run as the SSH user; {@code sudo} only where
 * root is needed, so a technician's non-root account with sudo works.
 */
public final class KioskRun {
    final Kiosk kiosk;
    final Remote remote;
    final RemoteLayout layout;
    final Release release;
    final boolean dryRun;

    /** Set by the os step: the Debian release, and openjdk-21-jre on trixie, openjdk-17-jre on bookworm. */
    String codename;
    String javaPackage;
    /** Steps that changed (or, in a plan, would change) something so far. */
    final List<String> changed = new ArrayList<>();
    /** Link targets before the switch step ("releases/0.1.0"), for putting them back. */
    String currentBefore;
    String previousBefore;
    boolean switched;
    Service.Mark restart;

    /** @param release null for commands that deploy nothing (and for a plan without --dist) */
    public KioskRun(Kiosk kiosk, Remote remote, Release release, boolean dryRun) {
        this.kiosk = kiosk;
        this.remote = remote;
        this.layout = new RemoteLayout(kiosk.root());
        this.release = release;
        this.dryRun = dryRun;
    }

    public Kiosk kiosk() {
        return kiosk;
    }

    CommandResult sh(String command) {
        return remote.run(withPath(command));
    }

    CommandResult sh(String command, byte[] stdin) {
        return remote.run(withPath(command), stdin);
    }

    /** Runs and returns standard output; a non-zero exit fails the step with {@code what} and stderr. */
    String shOk(String command, String what) {
        return ok(sh(command), what);
    }

    /** A single privileged command: "sudo systemctl restart lobby-kiosk" shows as such in sudo's log. */
    String sudo(String command, String what) {
        return ok(sh("sudo " + command), what);
    }

    /** Several privileged commands as one root shell script (one round trip, one sudo). */
    String sudoScript(String script, String what) {
        return ok(sh("sudo sh -c " + Shell.quote(script)), what);
    }

    String sudoScript(String script, byte[] stdin, String what) {
        return ok(sh("sudo sh -c " + Shell.quote(script), stdin), what);
    }

    CommandResult sudoScriptResult(String script) {
        return sh("sudo sh -c " + Shell.quote(script));
    }

    private String withPath(String command) {
        String path = kiosk.path();
        return path == null ? command : "PATH=" + Shell.quote(path) + "; export PATH; " + command;
    }

    private static String ok(CommandResult result, String what) {
        if (result.ok()) {
            return result.stdout();
        }
        String hint = result.stderr().contains("password is required") || result.stderr().contains("terminal is required")
                ? " (the SSH user needs sudo without a password: a NOPASSWD line in /etc/sudoers.d)" : "";
        throw new StepFailure(what + " failed: " + result.explain() + hint);
    }
}
