package lobby.provision.ssh;

import java.nio.file.Path;

/** Where and as whom to connect; {@code name} is the kiosk id, for messages. */
public record SshTarget(String name, String host, int port, String user, Path keyFile) {
    public String address() {
        return host + ":" + port;
    }
}
