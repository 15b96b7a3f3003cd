package lobby.provision.ssh;

/**
 * The kiosk's host key is unknown or not the one in known_hosts. Never worked around: the
 * technician decides, with {@code provision trust-host}, after reading the fingerprint off the
 * kiosk itself.
 */
public final class HostKeyException extends ConnectionException {
    public HostKeyException(String message) {
        super(message);
    }
}
