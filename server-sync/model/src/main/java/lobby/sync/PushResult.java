package lobby.sync;

import java.util.List;

/**
 * The server's answer to a push.
 *
 * @param applied      op ids now durably stored (including ones it had already)
 * @param highestSeq   the highest kiosk seq the server holds with no gap before it
 * @param rejected     ops refused, each with a reason (kept by the kiosk for a human to see)
 */
public record PushResult(List<String> applied, long highestSeq, List<Rejection> rejected) {
    public PushResult {
        applied = List.copyOf(applied);
        rejected = List.copyOf(rejected);
    }

    public record Rejection(String opId, String reason) {
    }
}
