package lobby.backoffice.store;

import static lobby.backoffice.store.TestData.DAY;
import static lobby.backoffice.store.TestData.MORNING;
import static lobby.backoffice.store.TestData.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import lobby.sync.KioskOp;
import lobby.sync.NumberLease;
import lobby.sync.PushBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data epoch across restarts and restores, and number leases with their kiosk marks. */
class EpochAndLeasesTest {
    private static final Clock CLOCK = Clock.fixed(MORNING, ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    private ServerStore store;

    @BeforeEach
    void open() {
        store = ServerStore.open(dir.resolve("backoffice.db"), CLOCK);
        TestData.saveSite(store);
    }

    private NumberLease.Grant lease(String kiosk, List<String> series, int size) {
        return lease(kiosk, DAY, series, size);
    }

    private NumberLease.Grant lease(String kiosk, LocalDate day, List<String> series, int size) {
        Result<NumberLease.Grant> r = store.leases().lease(SITE, kiosk, day, series, size);
        if (r instanceof Result.Ok<NumberLease.Grant> ok) {
            return ok.value();
        }
        throw new AssertionError("lease refused: " + r);
    }

    @Test
    void theEpochIsKeptAcrossRestartsAndARestoreStartsANewOneWithEventIdsFarAhead() {
        String first = store.epoch();
        UUID.fromString(first);
        store.close();
        store = ServerStore.open(dir.resolve("backoffice.db"), CLOCK);
        assertEquals(first, store.epoch());

        store.saveSite("other", "另一店", "http://localhost/t", TestData.ROSTER, List.of());
        store.push(new PushBatch("k1", List.of(TestData.op("k1", 1))));
        assertEquals(1, store.lastEventId(SITE));

        String renewed = store.renewEpoch();
        assertNotEquals(first, renewed);
        assertEquals(renewed, store.epoch());
        assertEquals(renewed, store.snapshot(SITE, DAY).orElseThrow().epoch());
        assertEquals(1 + EpochStore.EVENT_ID_JUMP, store.lastEventId(SITE));
        assertEquals(EpochStore.EVENT_ID_JUMP, store.lastEventId("other"), "a site without events yet jumps too");
        PushBatch next = new PushBatch("k1", List.of(TestData.op("k1", 2)));
        assertEquals(renewed, store.push(next).epoch());
        assertEquals(2 + EpochStore.EVENT_ID_JUMP, store.lastEventId(SITE));
    }

    @Test
    void blocksFollowOneAnotherAcrossKiosksAndStopAt999() {
        NumberLease.Grant a = lease("k1", List.of("B", "A"), 200);
        NumberLease.Grant b = lease("k2", List.of("B"), 200);

        assertEquals(List.of(new NumberLease(DAY, "B", 1, 200), new NumberLease(DAY, "A", 1, 200)), a.leases());
        assertEquals(List.of(new NumberLease(DAY, "B", 201, 400)), b.leases());
        assertEquals(store.epoch(), a.epoch());
        assertEquals(MORNING, a.serverTime());
        lease("k1", List.of("B"), 200);
        lease("k2", List.of("B"), 200);
        assertEquals(List.of(new NumberLease(DAY, "B", 801, 999)), lease("k1", List.of("B"), 200).leases(),
                "what remains");
        assertEquals(List.of(new NumberLease(DAY, "A", 201, 201)), lease("k2", List.of("B", "A"), 1).leases(),
                "B is all out");
        assertEquals(List.of(new NumberLease(DAY.plusDays(1), "B", 1, 5)),
                lease("k1", DAY.plusDays(1), List.of("B"), 5).leases(), "a new day starts again at 1");
    }

    @Test
    void theDaysFirstBlockStartsAfterTheNumbersItsTicketsAlreadyCarry() {
        store.push(new PushBatch("k1", List.of(TestData.op("k1", 1), TestData.op("k1", 2),
                KioskOp.checkIn("op-mark", "k1", 3, TestData.ticket("t-mark", "k1", "BK07", "adv-a", null, MORNING)))));

        assertEquals(List.of(new NumberLease(DAY, "B", 3, 12), new NumberLease(DAY, "U", 1, 10)),
                lease("k2", List.of("B", "U"), 10).leases());
    }

    @Test
    void marksAreLettersInOrderKeptForEverAndRefusedPastZ() {
        assertEquals("A", lease("k1", List.of("B"), 1).mark());
        assertEquals("B", lease("k2", List.of("B"), 1).mark());
        assertEquals("A", lease("k1", List.of("B"), 1).mark(), "kept");
        for (int i = 3; i <= 26; i++) {
            assertEquals(String.valueOf((char) ('A' + i - 1)), lease("k" + i, List.of("B"), 1).mark());
        }

        Result<NumberLease.Grant> full = store.leases().lease(SITE, "k27", DAY, List.of("B"), 1);
        Result.Refused<NumberLease.Grant> refused = assertInstanceOf(Result.Refused.class, full);
        assertEquals(Result.Why.CONFLICT, refused.why());
        assertTrue(refused.message().contains("all 26 kiosk marks of site gz01 are taken"), refused.message());
        assertEquals("Z", lease("k26", List.of("B"), 1).mark(), "the kiosks that have one keep it");
        assertEquals(List.of(new NumberLease(DAY, "B", 29, 29)), lease("k3", List.of("B"), 1).leases(),
                "the refused request took no numbers");
    }
}
