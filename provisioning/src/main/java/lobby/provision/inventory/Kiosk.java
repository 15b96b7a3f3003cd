package lobby.provision.inventory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One kiosk as the inventory describes it.
 *
 * @param key           the technician's private key file (ed25519 or RSA) for {@code user}
 * @param root          prefix of every remote path: "/" on a real kiosk, a temporary folder in tests
 * @param path          PATH for the remote commands, or null to keep the SSH server's
 * @param healthTimeout how long a restarted kiosk has to report itself healthy
 */
public record Kiosk(String id, Site site, String host, int port, String user, Path key, String root, String path,
                    Duration healthTimeout) {
    public static final int DEFAULT_PORT = 22;
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);

    /** "lobby-1 (pi@10.0.0.21:22)": how messages name a kiosk. */
    public String describe() {
        return id + " (" + user + "@" + host + ":" + port + ")";
    }
}
