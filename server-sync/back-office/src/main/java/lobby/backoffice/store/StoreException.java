package lobby.backoffice.store;

/**
 * The back office's one unchecked fault: the database could not be opened, migrated, read or
 * written. Expected outcomes (an unknown site, a rejected op) are results, never this.
 */
public final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
