package lobby.kiosk.sync;

/** The back office could not be reached or answered something unusable. */
public class SyncException extends RuntimeException {
    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
