package lobby.kiosk.sync;

/** The back office could not be reached or answered something unusable. */
public class SyncException extends RuntimeException {
    private final int status;

    public SyncException(String message) {
        this(message, 0);
    }

    public SyncException(String message, int status) {
        super(message);
        this.status = status;
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status when the back office answered, 0 when it could not be reached. */
    public int status() {
        return status;
    }
}
