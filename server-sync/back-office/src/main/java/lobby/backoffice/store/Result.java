package lobby.backoffice.store;

/**
 * The outcome of a request the store may refuse: the new state, or why not. Refusals are
 * expected (a ticket already called, an advisor's last colleague going to lunch) and carry a
 * message for the person who asked; the HTTP layer maps {@link Why} to 404, 403 or 409.
 */
public sealed interface Result<T> {
    enum Why {
        /** No such ticket, advisor or site. */
        NOT_FOUND,
        /** It exists, but this actor may not do that to it. */
        FORBIDDEN,
        /** Not now: the state does not allow it (a status only moves forward). */
        CONFLICT
    }

    record Ok<T>(T value) implements Result<T> {
    }

    record Refused<T>(Why why, String message) implements Result<T> {
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> refused(Why why, String message) {
        return new Refused<>(why, message);
    }
}
