package lobby.provision.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the technician reads when a host key is refused: which key was offered, which was
 * expected, why that matters and the one deliberate way forward.
 */
final class HostKeyMessages {
    private HostKeyMessages() {
    }

    static String refusal(SshTarget target, KnownHosts knownHosts, HostKey offered, KnownHosts.Verdict verdict) {
        String who = target.name() + " (" + target.address() + ")";
        String howToTrust = "If the kiosk was replaced or reinstalled, read its fingerprint on the kiosk itself "
                + "(its screen, or on its console: ssh-keygen -lf /etc/ssh/ssh_host_" + shortType(offered.type())
                + "_key.pub) and accept it deliberately with: provision trust-host --kiosk " + target.name()
                + " --fingerprint SHA256:...";
        return switch (verdict) {
            case UNKNOWN_HOST -> who + ": host key not in known_hosts (" + knownHosts.file() + "); unknown keys are "
                    + "never accepted. The kiosk offers " + offered.describe() + ". " + howToTrust;
            case CHANGED -> {
                List<HostKey> expected = knownHosts.keysFor(target.host(), target.port());
                yield who + ": HOST KEY MISMATCH: the kiosk offers " + offered.describe() + " but known_hosts ("
                        + knownHosts.file() + ") expects " + expected.stream().map(HostKey::describe)
                        .collect(Collectors.joining(" or ")) + ". Either the kiosk was replaced or reinstalled, or "
                        + "someone is between you and it; refused. " + howToTrust;
            }
            case REVOKED -> who + ": the kiosk offers " + offered.describe() + ", which known_hosts ("
                    + knownHosts.file() + ") marks @revoked; refused.";
            case TRUSTED -> throw new IllegalArgumentException("a trusted key is not refused");
        };
    }

    /** "ssh-ed25519" -> "ed25519", "ecdsa-sha2-nistp256" -> "ecdsa", "ssh-rsa" -> "rsa": OpenSSH's file names. */
    private static String shortType(String type) {
        if (type.startsWith("ecdsa")) {
            return "ecdsa";
        }
        return type.startsWith("ssh-") ? type.substring(4) : type;
    }
}
