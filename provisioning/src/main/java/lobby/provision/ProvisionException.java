package lobby.provision;

/**
 * The root of every failure this tool reports. Messages are written for the technician in the
 * lobby: they name the kiosk, the host, the file and line, and what to do next.
 */
public class ProvisionException extends RuntimeException {
    public ProvisionException(String message) {
        super(message);
    }

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
