package lobby.provision;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lobby.provision.deploy.EnrolmentAction;
import lobby.provision.deploy.KioskRun;
import lobby.provision.deploy.Result;
import lobby.provision.enrol.BackOfficeClient;
import lobby.provision.inventory.Inventory;
import lobby.provision.inventory.Kiosk;
import lobby.provision.rollout.Console;
import lobby.provision.rollout.KioskReport;
import lobby.provision.rollout.Rollout;
import lobby.provision.ssh.Connector;

/**
 * {@code enroll}: one admin login per back office, then per kiosk a one-time code written into
 * its configuration. The password comes from an environment variable (never an argument, which
 * the shell's history and {@code ps} would show); neither it nor any code is printed.
 */
final class EnrollCommand extends KioskCommand {
    private final String password;
    private final Map<URI, BackOfficeClient> backOffices = new HashMap<>();

    EnrollCommand(CommandLine.Options options, Inventory inventory, List<Kiosk> kiosks, Console console,
                  Map<String, String> env) {
        super(options, inventory, kiosks, console);
        this.password = env.get(options.adminPasswordEnv());
        if (password == null || password.isEmpty()) {
            throw new CommandLine.UsageException("environment variable " + options.adminPasswordEnv()
                    + " (--admin-password-env) is not set; put the admin's password there");
        }
    }

    @Override
    public int run(Connector ssh) {
        List<KioskReport> reports = onEachKiosk(ssh, options.maxFailures(), (kiosk, remote, start) -> {
            try {
                BackOfficeClient.Code[] issued = new BackOfficeClient.Code[1];
                String done = EnrolmentAction.writeCode(new KioskRun(kiosk, remote, null, false), () -> {
                    issued[0] = backOffice(kiosk).enrolmentCode(kiosk.id(), kiosk.site().id());
                    return issued[0].code();
                });
                String line = done + (issued[0].expiresAt() == null ? "" : "; the code expires "
                        + issued[0].expiresAt() + " unless the kiosk uses it first");
                console.kiosk(kiosk.id(), line);
                return new KioskReport(kiosk.id(), Result.CHANGED, List.of(), line, Connecting.since(start), false);
            } catch (ProvisionException e) {
                console.kiosk(kiosk.id(), "enroll failed: " + e.getMessage());
                return KioskReport.failed(kiosk.id(), e.getMessage(), Connecting.since(start), false);
            }
        });
        return Rollout.exitCode(reports);
    }

    /** Logged in once per back office, shared by that site's kiosks. */
    private BackOfficeClient backOffice(Kiosk kiosk) {
        URI uri = kiosk.site().backoffice();
        synchronized (backOffices) {
            BackOfficeClient client = backOffices.get(uri);
            if (client == null) {
                client = new BackOfficeClient(uri);
                client.login(options.adminUser(), password);
                backOffices.put(uri, client);
            }
            return client;
        }
    }
}
