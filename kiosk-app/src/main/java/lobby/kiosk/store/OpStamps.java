package lobby.kiosk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import lobby.sync.HybridClock;

/**
 * Stamps for the kiosk's ops: a hybrid logical clock over the kiosk's clock, and whether that
 * clock was synchronised with the server's when the op was made. The last stamp is kept in the
 * store with each op, so stamps keep increasing across restarts even when the Pi boots with its
 * clock behind.
 */
public final class OpStamps {
    static final String LAST = "hlc.last";

    private final HybridClock hlc;
    private final BooleanSupplier synced;

    OpStamps(Clock clock, BooleanSupplier synced, String lastStamp) {
        this.hlc = new HybridClock(clock::millis);
        this.synced = synced;
        if (lastStamp != null) {
            hlc.observe(HybridClock.Stamp.parse(lastStamp));
        }
    }

    /** The next stamp, recorded inside the caller's transaction. */
    HybridClock.Stamp next(Connection c) throws SQLException {
        HybridClock.Stamp stamp = hlc.now();
        KioskStore.putMeta(c, LAST, stamp.toString());
        return stamp;
    }

    boolean synced() {
        return synced.getAsBoolean();
    }
}
