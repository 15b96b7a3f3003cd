package lobby.provision;

import java.util.List;
import java.util.stream.Collectors;
import lobby.provision.inventory.Inventory;
import lobby.provision.inventory.Kiosk;
import lobby.provision.rollout.Console;
import lobby.provision.ssh.ConnectionException;
import lobby.provision.ssh.Connector;
import lobby.provision.ssh.HostKey;
import lobby.provision.ssh.KnownHosts;

/**
 * {@code trust-host}: the only way a key enters known_hosts. The fingerprint must come from the
 * kiosk itself (its screen or console), not from the network connection being checked, so a
 * machine in between cannot vouch for itself.
 */
final class TrustHostCommand implements ProvisionMain.Command {
    private final Inventory inventory;
    private final Kiosk kiosk;
    private final Console console;
    private final String fingerprint;

    TrustHostCommand(CommandLine.Options options, Inventory inventory, Kiosk kiosk, Console console) {
        this.inventory = inventory;
        this.kiosk = kiosk;
        this.console = console;
        this.fingerprint = HostKey.normaliseFingerprint(options.fingerprint());
        if (!fingerprint.matches("SHA256:[A-Za-z0-9+/]{43}")) {
            throw new CommandLine.UsageException("--fingerprint must be SHA256: and 43 base64 characters, as "
                    + "ssh-keygen -lf prints it; got \"" + options.fingerprint() + "\"");
        }
    }

    @Override
    public int run(Connector ssh) {
        List<HostKey> offered;
        try {
            offered = ssh.offeredHostKeys(kiosk.host(), kiosk.port());
        } catch (ConnectionException e) {
            console.kiosk(kiosk.id(), "trust-host failed: " + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
        HostKey match = offered.stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst().orElse(null);
        KnownHosts knownHosts = KnownHosts.load(inventory.knownHosts());
        String name = KnownHosts.hostName(kiosk.host(), kiosk.port());
        if (match == null) {
            console.kiosk(kiosk.id(), "NOT trusted: " + name + " offers " + (offered.isEmpty() ? "no host key"
                    : offered.stream().map(HostKey::describe).collect(Collectors.joining(", "))) + ", none of which is "
                    + fingerprint + ". Check the fingerprint on the kiosk itself; " + knownHosts.file() + " is unchanged.");
            return CommandLine.EXIT_HOST_KEY;
        }
        List<HostKey> before = knownHosts.keysFor(kiosk.host(), kiosk.port());
        knownHosts.trust(kiosk.host(), kiosk.port(), match);
        console.kiosk(kiosk.id(), "trusted " + match.describe() + " for " + name + " in " + knownHosts.file()
                + (before.isEmpty() ? "" : " (replacing " + before.stream().map(HostKey::describe)
                .collect(Collectors.joining(", ")) + ")"));
        return CommandLine.EXIT_OK;
    }
}
