package lobby.kiosk.store;

/** The kiosk store could not do what was asked; the message names the file and the step. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
