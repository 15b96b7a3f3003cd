package lobby.provision.ssh;

import lobby.provision.ProvisionException;

/** The kiosk could not be reached, refused our key, or the connection broke. */
public class ConnectionException extends ProvisionException {
    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
