package lobby.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridClockTest {
    @Test
    void stampsFollowAWellBehavedWallClock() {
        AtomicLong wall = new AtomicLong(1_000);
        HybridClock clock = new HybridClock(wall::get);
        assertEquals(new HybridClock.Stamp(1_000, 0), clock.now());
        wall.set(1_005);
        assertEquals(new HybridClock.Stamp(1_005, 0), clock.now());
    }

    @Test
    void aClockJumpingBackwardsOrStuckNeverReordersEvents() {
        AtomicLong wall = new AtomicLong(5_000);
        HybridClock clock = new HybridClock(wall::get);
        List<HybridClock.Stamp> stamps = new ArrayList<>();
        stamps.add(clock.now());
        wall.set(1_000); // NTP stepped the clock back an hour's worth
        stamps.add(clock.now());
        stamps.add(clock.now()); // stuck
        wall.set(6_000);
        stamps.add(clock.now());
        for (int i = 1; i < stamps.size(); i++) {
            assertTrue(stamps.get(i).compareTo(stamps.get(i - 1)) > 0, stamps.toString());
        }
        assertEquals(new HybridClock.Stamp(5_000, 2), stamps.get(2));
    }

    @Test
    void afterSeeingTheServersStampLocalEventsComeAfterIt() {
        AtomicLong wall = new AtomicLong(1_000); // a Pi booted with a stale clock
        HybridClock kiosk = new HybridClock(wall::get);
        HybridClock.Stamp server = new HybridClock.Stamp(1_732_240_000_000L, 7);
        kiosk.observe(server);
        HybridClock.Stamp next = kiosk.now();
        assertTrue(next.compareTo(server) > 0, next + " after " + server);
        assertEquals(next, HybridClock.Stamp.parse(next.toString()));
        assertTrue(next.toString().compareTo(server.toString()) > 0, "text sorts like the stamps");
    }
}
