package lobby.backoffice.store;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an advisor or manager may do to a ticket, and what it becomes. A status only moves
 * forward: WAITING, CALLED, SERVING, then DONE; NO_SHOW and CANCELLED end a ticket that was
 * never served. Pure rules, no SQL, so each one is tested on its own.
 *
 * <p>First-contact responsibility (首问负责制): a ticket belongs to its advisor until that
 * advisor or a manager transfers it. Another advisor may not touch it; a ticket nobody owns
 * (nobody was on duty at check-in) goes to the first advisor who acknowledges or calls it.
 */
final class TicketRules {
    enum Status {
        WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED;

        boolean finished() {
            return this == DONE || this == NO_SHOW || this == CANCELLED;
        }
    }

    enum Action {
        ACKNOWLEDGE("acknowledge", EnumSet.of(Status.WAITING, Status.CALLED), null, TicketEvent.Type.ACKNOWLEDGED),
        CALL("call", EnumSet.of(Status.WAITING), Status.CALLED, TicketEvent.Type.CALLED),
        RECALL("recall", EnumSet.of(Status.CALLED), null, TicketEvent.Type.RECALLED),
        TRANSFER("transfer", EnumSet.of(Status.WAITING, Status.CALLED, Status.SERVING), null,
                TicketEvent.Type.TRANSFERRED),
        START("start", EnumSet.of(Status.CALLED), Status.SERVING, TicketEvent.Type.STARTED),
        DONE("finish", EnumSet.of(Status.SERVING), Status.DONE, TicketEvent.Type.DONE),
        NO_SHOW("mark as a no-show", EnumSet.of(Status.WAITING, Status.CALLED), Status.NO_SHOW,
                TicketEvent.Type.NO_SHOW),
        CANCEL("cancel", EnumSet.of(Status.WAITING, Status.CALLED), Status.CANCELLED, TicketEvent.Type.CANCELLED);

        final String verb;
        final Set<Status> from;
        /** The status after the action; null when it stays as it was. */
        final Status to;
        final TicketEvent.Type event;

        Action(String verb, Set<Status> from, Status to, TicketEvent.Type event) {
            this.verb = verb;
            this.from = from;
            this.to = to;
            this.event = event;
        }

        Status after(Status current) {
            return to == null ? current : to;
        }

        /** Acting on a ticket nobody owns makes the advisor its first contact. */
        boolean takesOwnership() {
            return this == ACKNOWLEDGE || this == CALL;
        }
    }

    private TicketRules() {
    }

    /** @return why the ticket's status does not allow the action, or empty */
    static Optional<String> conflict(Action action, String number, Status current) {
        if (action.from.contains(current)) {
            return Optional.empty();
        }
        return Optional.of("cannot " + action.verb + " ticket " + number + ": it is " + current
                + (current.finished() ? " and finished" : "") + "; " + action.verb + " needs " + action.from);
    }

    /** @return why this actor may not act on a ticket owned by {@code owner} (null: nobody), or empty */
    static Optional<String> forbidden(Actor actor, Action action, String number, String owner) {
        if (actor.manager() || owner == null || owner.equals(actor.advisorId())) {
            return Optional.empty();
        }
        return Optional.of("ticket " + number + " belongs to advisor " + owner + " (first contact): only they or a"
                + " manager may " + action.verb + " it; ask them to transfer it to " + actor.advisorId());
    }
}
