package lobby.kiosk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lobby.sync.NumberLease;

/** What a kiosk that has been online holds: leased blocks of numbers for the day, and its mark. */
public final class TestLeases {
    private TestLeases() {
    }

    /** Numbers 1-50 of each series for {@code day}, and mark K. */
    public static void grant(KioskStore store, LocalDate day) {
        store.queue().addLeases(new NumberLease.Grant(List.of(new NumberLease(day, "A", 1, 50),
                new NumberLease(day, "B", 1, 50), new NumberLease(day, "U", 1, 50)), "K", "test-epoch", Instant.now()));
    }
}
