package lobby.sync;

import java.util.List;

/** What a kiosk posts to {@code /api/sync/push}: its pending operations, oldest first. */
public record PushBatch(String kioskId, List<KioskOp> ops) {
    /** The most a server accepts in one request; a kiosk sends larger outboxes in batches. */
    public static final int MAX_OPS = 200;

    public PushBatch {
        ops = List.copyOf(ops);
    }
}
