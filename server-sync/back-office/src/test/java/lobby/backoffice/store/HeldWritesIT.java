package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import lobby.backoffice.pg.TestDatabases;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.Test;

/**
 * Writes held back on PostgreSQL ({@link HeldWrites}): what reads see while they are held, and a
 * kiosk's retry that crosses its first push within one group commit, where a held-back insert
 * finds its key taken and the batch must run again with every statement answering for itself.
 */
class HeldWritesIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void ordinaryReadsSeeHeldRowsAheadReadsDoNotAndATakenKeyFailsTheTransaction() throws Exception {
        try (Connection raw = DriverManager.getConnection(TestDatabases.newPostgresDatabase())) {
            raw.setAutoCommit(false);
            try (Statement s = raw.createStatement()) {
                s.execute("CREATE TABLE held (id TEXT PRIMARY KEY)");
            }
            raw.commit();
            StatementCache cache = new StatementCache(raw);
            Connection c = cache.connection();
            cache.holdWrites(true);
            String insert = "INSERT INTO held (id) VALUES (?) ON CONFLICT DO NOTHING";
            for (String id : List.of("a", "b")) {
                try (PreparedStatement ps = HeldWrites.later(c, insert, true)) {
                    ps.setString(1, id);
                    assertEquals(1, ps.executeUpdate(), "a held-back insert answers as if done");
                }
            }
            assertEquals(0, count(HeldWrites.ahead(c, "SELECT count(*) FROM held")), "read ahead of the held rows");
            assertEquals(2, count(c.prepareStatement("SELECT count(*) FROM held")), "an ordinary read sends them first");

            try (PreparedStatement ps = HeldWrites.later(c, insert, true)) {
                ps.setString(1, "a");
                assertEquals(1, ps.executeUpdate(), "not yet sent, so not yet known to clash");
            }
            SQLException clash = assertThrows(SQLException.class, c::commit);
            assertTrue(clash instanceof HeldWrites.Conflict, "the commit sends it and finds the key taken: " + clash);
            c.rollback();
            cache.holdWrites(false);
            assertEquals(0, count(c.prepareStatement("SELECT count(*) FROM held")), "the whole transaction is gone");
        }
    }

    @Test
    void aRetryCrossingItsFirstPushInOneGroupCommitIsStoredOnce() throws Exception {
        String url = TestDatabases.newPostgresDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (ServerStore store = ServerStore.openPostgres(url, null, Clock.system(ZoneId.of("Asia/Shanghai")));
             Connection blocker = DriverManager.getConnection(url)) {
            TestData.saveSite(store);
            // Another back office holds the write lock: the first push waits for it inside its
            // batch, and the next two queue up behind it and run together in the next batch.
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + Database.WRITE_LOCK + ")");
            }
            Future<PushResult> first = pool.submit(() -> store.push(new PushBatch("k2", List.of(TestData.op("k2", 1)))));
            awaitTrue(() -> waitingForTheLock(blocker), "the first push waits for the write lock");
            PushBatch batch = new PushBatch("k1", List.of(TestData.op("k1", 1)));
            Thread[] callers = new Thread[2];
            List<Future<PushResult>> sameOp = List.of(
                    pool.submit(() -> {
                        callers[0] = Thread.currentThread();
                        return store.push(batch);
                    }),
                    pool.submit(() -> {
                        callers[1] = Thread.currentThread();
                        return store.push(batch); // the kiosk's retry: same op, same seq
                    }));
            awaitTrue(() -> parked(callers[0]) && parked(callers[1]), "both copies queue for the next batch");
            blocker.rollback();

            assertEquals(List.of("op-k2-1"), first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).applied());
            for (Future<PushResult> f : sameOp) {
                PushResult r = f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                assertEquals(List.of("op-k1-1"), r.applied(), "both copies are answered applied: " + r);
                assertEquals(1, r.highestSeq());
                assertTrue(r.rejected().isEmpty(), r.rejected().toString());
            }
            List<QueueEntry> queue = store.queue(TestData.SITE, TestData.DAY).orElseThrow();
            assertEquals(List.of("t-k1-1", "t-k2-1"), queue.stream().map(QueueEntry::ticketId).sorted().toList(),
                    "each ticket once");
            try (Connection check = DriverManager.getConnection(url);
                 PreparedStatement ps = check.prepareStatement(
                         "SELECT count(*) FROM ticket_events WHERE ticket_id = 't-k1-1' AND type = 'ISSUED'")) {
                assertEquals(1, count(ps), "the ticket was issued once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean waitingForTheLock(Connection c) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            return count(ps) == 1;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Queued in the group commit: a waiting caller parks with a timeout until its batch is done. */
    private static boolean parked(Thread t) {
        return t != null && t.getState() == Thread.State.TIMED_WAITING;
    }

    private static long count(PreparedStatement ps) throws SQLException {
        try (ps; ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + ": not within " + DEADLINE);
            }
            Thread.onSpinWait();
        }
    }
}
