package lobby.sync;

import java.time.Instant;
import java.util.List;

/**
 * The server's answer to a push.
 *
 * @param applied    op ids now durably stored (including ones it had already)
 * @param highestSeq the highest kiosk seq the server holds with no gap before it; lower than
 *                   what the kiosk saw acknowledged before means the server lost ops (a restore
 *                   from backup): the kiosk pushes them again
 * @param rejected   ops refused for good, each with a reason (the kiosk keeps them in its
 *                   dead-letter list for a human); their seq counts as received, so the rest of
 *                   the outbox moves on, and a retry gets the same answer
 * @param deferred   ops not looked at because an earlier seq is missing: sent again after it
 * @param reassigned check-ins whose proposed advisor the server changed (off duty, unknown)
 * @param epoch      the server's data epoch; it changes when the data is restored from a backup
 * @param serverTime the server's clock as it answered, for the kiosk's offset
 */
public record PushResult(List<String> applied, long highestSeq, List<Rejection> rejected, List<String> deferred,
                         List<Reassignment> reassigned, String epoch, Instant serverTime) {
    public PushResult {
        applied = List.copyOf(applied);
        rejected = List.copyOf(rejected);
        deferred = deferred == null ? List.of() : List.copyOf(deferred);
        reassigned = reassigned == null ? List.of() : List.copyOf(reassigned);
    }

    /** The short form older servers (and tests) give. */
    public PushResult(List<String> applied, long highestSeq, List<Rejection> rejected) {
        this(applied, highestSeq, rejected, List.of(), List.of(), null, null);
    }

    public record Rejection(String opId, String reason) {
    }

    /** @param advisorId the ticket's advisor now; null: nobody on duty, the next free advisor takes it */
    public record Reassignment(String ticketId, String advisorId, String reason) {
    }
}
