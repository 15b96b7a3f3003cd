package lobby.backoffice.store;

import static lobby.backoffice.store.TestData.DAY;
import static lobby.backoffice.store.TestData.MORNING;
import static lobby.backoffice.store.TestData.SITE;
import static lobby.backoffice.store.TestData.op;
import static lobby.backoffice.store.TestData.ticket;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lobby.checkin.Appointment;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.QueueEntry;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStoreTest {
    private static final Clock CLOCK = Clock.fixed(MORNING, ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    private ServerStore store;

    @BeforeEach
    void open() {
        store = ServerStore.open(dir.resolve("data/backoffice.db"), CLOCK);
        TestData.saveSite(store);
    }

    private PushResult push(String kiosk, KioskOp... ops) {
        return store.push(new PushBatch(kiosk, List.of(ops)));
    }

    private List<QueueEntry> queue() {
        return store.queue(SITE, DAY).orElseThrow();
    }

    @Test
    void aTicketThatCouldNotBePrintedIsFlaggedForStaff() {
        KioskOp checkIn = op("k1", 1);
        KioskOp failed = KioskOp.event("op-k1-2", "k1", 2, KioskOp.Type.PRINT_FAILED, checkIn.ticket().id(),
                "paper out", MORNING);
        PushResult result = push("k1", checkIn, failed);
        assertEquals(List.of("op-k1-1", "op-k1-2"), result.applied());
        assertEquals(2, result.highestSeq());
        assertEquals("paper out", queue().get(0).printProblem());
    }

    @Test
    void anEventAboutAnUnknownTicketIsRejectedForGoodAndItsSeqCountsAsReceived() {
        KioskOp failed = KioskOp.event("op-k1-1", "k1", 1, KioskOp.Type.PRINT_FAILED, "no-such-ticket", "paper out",
                MORNING);
        PushResult result = push("k1", failed);
        assertEquals(List.of(), result.applied());
        assertEquals(1, result.highestSeq());
        assertTrue(result.rejected().get(0).reason().contains("unknown ticket no-such-ticket"),
                result.rejected().toString());

        PushResult retry = push("k1", failed, op("k1", 2));
        assertEquals(result.rejected(), retry.rejected(), "a retry gets the same answer");
        assertEquals(List.of("op-k1-2"), retry.applied());
        assertEquals(2, retry.highestSeq());
    }

    @Test
    void aPushedTicketJoinsTheQueueWithItsAdvisorAndAMaskedPlate() {
        PushResult result = push("k1", op("k1", 1));

        assertEquals(new PushResult(List.of("op-k1-1"), 1, List.of(), List.of(), List.of(), store.epoch(), MORNING),
                result);
        assertEquals(List.of(new QueueEntry("t-k1-1", "B001", "MAINTENANCE", "adv-a", "陈志强", 1, "粤A·***45",
                "WAITING", MORNING.plusSeconds(1), "k1", null, false)), queue());
    }

    @Test
    void theSameOpTwiceIsOneTicketAndAppliedBothTimes() {
        PushResult first = push("k1", op("k1", 1));
        PushResult again = push("k1", op("k1", 1), op("k1", 1));

        assertEquals(first, again);
        assertEquals(1, queue().size());
    }

    @Test
    void theSameOpIdWithAnotherBodyIsRejectedAndTheFirstStands() {
        push("k1", op("k1", 1));
        KioskOp original = op("k1", 1);
        KioskOp changed = KioskOp.checkIn(original.opId(), "k1", 1,
                ticket(original.ticket().id(), "k1", "B099", "adv-b", null, MORNING));

        PushResult result = push("k1", changed);

        assertEquals(List.of(), result.applied());
        assertEquals(1, result.rejected().size());
        assertTrue(result.rejected().get(0).reason().contains("different body"), result.rejected().toString());
        assertEquals("B001", queue().get(0).number());
    }

    @Test
    void anOpForAnUnknownSiteIsRejectedAndTheOpsAfterItStillApply() {
        KioskOp good = op("k1", 1);
        KioskOp lost = KioskOp.checkIn("op-x", "k1", 2, new lobby.checkin.Ticket("t-x", "nowhere", "k1", DAY, "B002",
                VisitKind.REPAIR, null, null, null, false, MORNING, 0));
        KioskOp later = op("k1", 3);

        PushResult result = push("k1", good, lost, later);

        assertEquals(List.of("op-k1-1", "op-k1-3"), result.applied());
        assertEquals(List.of("op-x"), result.rejected().stream().map(PushResult.Rejection::opId).toList());
        assertTrue(result.rejected().get(0).reason().contains("unknown site nowhere"));
        assertEquals(3, result.highestSeq(), "a rejected op's seq counts as received");
        assertEquals(List.of("t-k1-1", "t-k1-3"), queue().stream().map(QueueEntry::ticketId).toList());
    }

    @Test
    void opsAfterAGapAreDeferredUntilTheMissingOneArrives() {
        PushResult early = push("k1", op("k1", 2), op("k1", 3));
        assertEquals(0, early.highestSeq());
        assertEquals(List.of("op-k1-2", "op-k1-3"), early.deferred());
        assertEquals(List.of(), early.applied());
        assertEquals(List.of(), early.rejected());
        assertEquals(0, push("k2").highestSeq());
        assertEquals(List.of(), queue(), "nothing after a gap is stored");

        PushResult missing = push("k1", op("k1", 1));
        assertEquals(1, missing.highestSeq(), "2 and 3 were not kept");

        PushResult again = push("k1", op("k1", 3), op("k1", 2), op("k1", 5));
        assertEquals(List.of("op-k1-2", "op-k1-3"), again.applied(), "taken in seq order");
        assertEquals(List.of("op-k1-5"), again.deferred());
        assertEquals(3, again.highestSeq());
        assertEquals(1, push("k2", op("k2", 1)).highestSeq(), "each kiosk has its own seqs");
    }

    @Test
    void aRejectedOpsRetryGetsTheSameReasonAndAnotherBodyUnderItsIdIsRefused() {
        KioskOp lost = KioskOp.checkIn("op-x", "k1", 1, new lobby.checkin.Ticket("t-x", "nowhere", "k1", DAY, "B001",
                VisitKind.REPAIR, null, null, null, false, MORNING, 0));
        String reason = push("k1", lost).rejected().get(0).reason();

        PushResult retry = push("k1", lost);
        assertEquals(List.of(new PushResult.Rejection("op-x", reason)), retry.rejected());
        assertEquals(List.of(), retry.applied());

        KioskOp fixed = KioskOp.checkIn("op-x", "k1", 1, ticket("t-x", "k1", "B001", "adv-a", null, MORNING));
        PushResult conflict = push("k1", fixed);
        assertTrue(conflict.rejected().get(0).reason().contains("different body"), conflict.toString());
        assertEquals(List.of(), queue(), "a decision is final");
    }

    @Test
    void anOverlongOpIdOrAReusedOneIsRejectedAndTheOutboxMovesOn() {
        KioskOp overlong = KioskOp.checkIn("op-" + "x".repeat(3000), "k1", 1,
                ticket("t-long", "k1", "B001", "adv-a", null, MORNING));
        KioskOp reused = KioskOp.checkIn(overlong.opId(), "k1", 2, ticket("t-long", "k1", "B001", "adv-a", null,
                MORNING));
        KioskOp reusedShort = KioskOp.checkIn("op-k1-3", "k1", 4, op("k1", 4).ticket());

        PushResult first = push("k1", overlong, reused, op("k1", 3), reusedShort, op("k1", 5));

        assertEquals(List.of("op-k1-3", "op-k1-5"), first.applied());
        assertEquals(5, first.highestSeq());
        assertEquals(3, first.rejected().size(), first.toString());
        assertTrue(first.rejected().get(0).reason().contains("opId is 3003 characters long"), first.toString());
        assertTrue(first.rejected().get(1).reason().contains("different body"), first.toString());
        assertTrue(first.rejected().get(2).reason().contains("op op-k1-3 was already received with a different body"
                + " (kiosk k1, seq 3)"), first.toString());
        PushResult retry = push("k1", overlong, reused, reusedShort);
        assertEquals(first.rejected(), retry.rejected(), "the same answers again");
        assertEquals(List.of("t-k1-3", "t-k1-5"), queue().stream().map(QueueEntry::ticketId).toList());
    }

    /** Before V7 ops after a gap were stored; once the gap closes, they count. */
    @Test
    void opsStoredAfterAGapBeforeTheUpgradeCountOnceTheGapCloses() throws Exception {
        push("k1", op("k1", 1));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/backoffice.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO applied_ops (op_id, kiosk_id, seq, body_sha256, applied_at)"
                    + " VALUES ('op-k1-3', 'k1', 3, '" + OpDigest.sha256(op("k1", 3)) + "', 'x')");
            s.executeUpdate("UPDATE kiosk_progress SET max_seq = 3 WHERE kiosk_id = 'k1'");
        }

        PushResult result = push("k1", op("k1", 2), op("k1", 3));

        assertEquals(3, result.highestSeq());
        assertEquals(List.of("op-k1-2", "op-k1-3"), result.applied(), "3 was applied before");
        assertEquals(4, push("k1", op("k1", 4)).highestSeq());
    }

    @Test
    void aSecondOpClaimingATakenSeqOrTicketIsRejected() {
        push("k1", op("k1", 1));
        KioskOp sameSeq = KioskOp.checkIn("op-other", "k1", 1, op("k1", 2).ticket());
        KioskOp sameTicket = KioskOp.checkIn("op-again", "k1", 2, op("k1", 1).ticket());

        PushResult result = push("k1", sameSeq, sameTicket);

        assertEquals(List.of(), result.applied());
        assertTrue(result.rejected().get(0).reason().contains("seq 1 of kiosk k1 already holds op op-k1-1"));
        assertTrue(result.rejected().get(1).reason().contains("ticket t-k1-1 was already pushed"));
    }

    @Test
    void aNumberGivenTwiceIsStillAppliedNoCustomerIsLost() {
        push("k1", KioskOp.checkIn("op-1", "k1", 1, ticket("t-1", "k1", "B007", "adv-a", null, MORNING)));
        PushResult twice = push("k2", KioskOp.checkIn("op-2", "k2", 1, ticket("t-2", "k2", "B007", "adv-a", null,
                MORNING.plusSeconds(5))));

        assertEquals(List.of("op-2"), twice.applied());
        assertEquals(List.of("B007", "B007"), queue().stream().map(QueueEntry::number).toList());
    }

    @Test
    void opsFromAnotherKioskThanTheBatchSaysAreRejected() {
        PushResult result = push("k2", op("k1", 1));

        assertEquals(List.of(), result.applied());
        assertTrue(result.rejected().get(0).reason().contains("pushed by kiosk k2"));
        assertEquals(List.of(), queue());
    }

    @Test
    void theQueueIsInIssueOrderAndShowsUnassignedTicketsToo() {
        KioskOp late = KioskOp.checkIn("op-late", "k1", 1,
                ticket("t-late", "k1", "B002", "adv-b", "粤AD73521", MORNING.plusSeconds(60)));
        KioskOp early = KioskOp.checkIn("op-early", "k2", 1,
                ticket("t-early", "k2", "B001", null, null, MORNING.plusNanos(500_000)));
        KioskOp onTheSecond = KioskOp.checkIn("op-second", "k2", 2,
                ticket("t-second", "k2", "B003", "adv-gone", "粤B5H7N3", MORNING));
        push("k1", late);
        push("k2", early, onTheSecond);

        List<QueueEntry> q = queue();

        assertEquals(List.of("t-second", "t-early", "t-late"), q.stream().map(QueueEntry::ticketId).toList());
        assertEquals(List.of("粤B·***N3", "", "粤A·****21"), q.stream().map(QueueEntry::maskedPlate).toList());
        assertTrue(List.of("adv-a", "adv-b").contains(q.get(0).advisorId()), "adv-gone is not on the roster: " + q);
        assertNull(q.get(1).advisorName(), "nobody was assigned");
        assertEquals(0, q.get(1).desk());
        assertEquals("李晓婷", q.get(2).advisorName());
        assertEquals(2, q.get(2).desk());
        assertEquals(List.of(), store.queue(SITE, DAY.plusDays(1)).orElseThrow());
        assertEquals(Optional.empty(), store.queue("nowhere", DAY));
    }

    @Test
    void savingASiteAgainKeepsItsQrKeyAndDoesNotDuplicateBookings() {
        Appointment a = new Appointment("A1", SITE, DAY, java.time.LocalTime.of(9, 30), "粤A12345", "张伟",
                VisitKind.REPAIR, "adv-a");
        byte[] key = store.saveSite(SITE, "测试店", "http://x/t", TestData.ROSTER, List.of(a));
        byte[] again = store.saveSite(SITE, "改名店", "http://y/t", TestData.ROSTER, List.of(a));

        assertArrayEquals(key, again);
        assertEquals(SiteStore.QR_KEY_BYTES, key.length);
        SiteSnapshot s = store.snapshot(SITE, DAY).orElseThrow();
        assertEquals("改名店", s.siteName());
        assertEquals("http://y/t", s.statusBaseUrl());
        assertEquals(List.of(a), s.appointments());
        assertEquals(TestData.ROSTER, s.advisors());
        assertEquals(MORNING, s.serverTime());
        assertEquals(Optional.empty(), store.snapshot("nowhere", DAY));
    }

    @Test
    void concurrentRetriesOfOneOpMakeOneTicket() throws Exception {
        int pushers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(pushers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PushResult>> results = new ArrayList<>();
            for (int i = 0; i < pushers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return push("k1", op("k1", 1));
                }));
            }
            go.countDown();
            for (Future<PushResult> r : results) {
                assertEquals(List.of("op-k1-1"), r.get(30, TimeUnit.SECONDS).applied());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, queue().size());
    }

    @Test
    void aWriteAfterTheBatchThreadWentIdleIsTakenAsBefore() throws Exception {
        assertEquals(List.of("op-k1-1"), push("k1", op("k1", 1)).applied());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("group-commit")) {
                t.join(10_000);
                assertFalse(t.isAlive(), "the batch thread should end after a second with nothing to do");
            }
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            PushResult later = pool.submit(() -> push("k1", op("k1", 2))).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("op-k1-2"), later.applied());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, queue().size());
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        List<KioskOp> ops = java.util.stream.LongStream.rangeClosed(1, PushBatch.MAX_OPS + 1)
                .mapToObj(seq -> op("k1", seq)).toList();
        assertThrows(IllegalArgumentException.class, () -> store.push(new PushBatch("k1", ops)));
        assertEquals(List.of(), queue());
    }

    @Test
    void todayIsTheClocksLocalDate() {
        // 01:00 UTC is 09:00 in Guangzhou, the same day either way; 20:00 UTC is the next day there.
        ServerStore evening = ServerStore.open(dir.resolve("data/backoffice.db"),
                Clock.fixed(java.time.Instant.parse("2025-03-14T20:00:00Z"), ZoneId.of("Asia/Shanghai")));
        assertEquals(DAY, store.today());
        assertEquals(DAY.plusDays(1), evening.today());
    }
}
