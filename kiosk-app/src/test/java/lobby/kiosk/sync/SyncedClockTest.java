package lobby.kiosk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The kiosk's clock follows the server's and ignores what the Pi's wall clock does after that. */
class SyncedClockTest {
    private static final Instant SERVER = Instant.parse("2026-11-22T01:20:00Z");
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final Clock stale = Clock.fixed(Instant.parse("1970-01-01T00:00:10Z"), ZoneOffset.UTC);

    @Test
    void beforeHearingTheServerItIsTheWallClockAndSaysSo() {
        SyncedClock clock = new SyncedClock(stale, nanos::get);
        assertFalse(clock.synced());
        assertEquals(stale.instant(), clock.instant());
        assertEquals(Duration.ZERO, clock.offset());
    }

    @Test
    void afterAnExchangeItRunsOnTheMonotonicClockFromTheServersTime() {
        SyncedClock clock = new SyncedClock(stale, nanos::get);
        long sent = nanos.get();
        nanos.addAndGet(Duration.ofMillis(40).toNanos()); // a 40 ms round trip
        clock.observe(SERVER, sent, nanos.get());
        assertTrue(clock.synced());
        assertEquals(SERVER.plusMillis(20), clock.instant(), "the server's time plus half the round trip");

        nanos.addAndGet(Duration.ofMinutes(3).toNanos());
        assertEquals(SERVER.plusMillis(20).plus(Duration.ofMinutes(3)), clock.instant(),
                "three minutes on, whatever the wall clock says");
        assertTrue(clock.offset().compareTo(Duration.ofDays(365 * 50)) > 0, "the Pi's clock is decades behind");
    }

    @Test
    void aViewInAnotherZoneFollowsLaterExchangesAndAnAnswerWithoutTimeChangesNothing() {
        SyncedClock clock = new SyncedClock(stale, nanos::get);
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        clock.observe(SERVER, nanos.get(), nanos.get());
        assertEquals(SERVER, shanghai.instant());
        assertEquals(ZoneId.of("Asia/Shanghai"), shanghai.getZone());
        clock.observe(null, nanos.get(), nanos.get());
        assertEquals(SERVER, clock.instant());
    }
}
