package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that change what live views show. What each write changed goes to the listener after
 * the commit, from one thread, so listeners see changes in commit order.
 *
 * <p>Group commit: writes that arrive while a transaction is committing wait, and the next
 * batch runs all of them in one transaction (a write that fails still fails alone, see {@link
 * #runBatch}). One fsync then makes many kiosks' check-ins durable: with synchronous=FULL a
 * commit costs about 0.5 ms here, more than a check-in's SQL. One thread runs the batches, so
 * the next one starts as soon as the last is committed; callers wait for theirs, and are woken
 * while it runs the next. (Callers taking turns to lead cost a thread wake-up between batches,
 * with nothing running: a sixth of the time under load on 2 cores.) The thread ends when there
 * has been nothing to do for {@link #IDLE_NANOS} and starts again with the next write.
 *
 * <p>On PostgreSQL the batch's writes may hold their inserts back and send them together
 * ({@link HeldWrites}): a round trip per statement, inside the lock every instance shares, is
 * what a check-in costs there.
 *
 * <p>Each change gets its site's next live-event id in the same transaction ({@code
 * site_event_ids}). On SQLite the listener is called here, after the commit. On PostgreSQL the
 * changes are sent as notifications inside the transaction instead, and every back office
 * sharing the database (this one included) hears them from {@link PgNotifications} at commit,
 * in commit order: the write lock every PostgreSQL write takes makes id order commit order.
 */
final class Commits {
    /** Work inside one transaction that notes what it changed. */
    interface Work<T> {
        T run(Connection c, List<Change> changes) throws SQLException;
    }

    /**
     * What a write reads first, which a batch holding writes back reads for all its writes of
     * the kind at once, in one look-up before any of them runs: inside the lock every instance
     * shares, a round trip per write would count. A write takes the answer kept for it only if
     * nothing was written since but held-back writes ({@link HeldWrites#unchangedSince}), as
     * for any read made ahead of them, and reads for itself otherwise.
     */
    interface ReadAhead {
        /** Reads for every one of {@code all} (this one among them, all of its class) and keeps each its answer. */
        void readAll(Connection c, List<ReadAhead> all) throws SQLException;
    }

    /** A batch stays small enough that one slow write cannot hold many callers for long. */
    static final int MAX_BATCH = 64;
    /** A waiting caller looks for itself whether it is done this often, should a wake-up be missed. */
    static final long CALLER_CHECK_NANOS = 10_000_000;
    /** The batch thread ends after this long with nothing to do. */
    static final long IDLE_NANOS = 1_000_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(Commits.class);

    private final Database db;
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    /** Whether a batch thread runs (or is about to); it alone clears this, see {@link #runBatches}. */
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread batches;
    private final ChangeCodec codec = new ChangeCodec();
    private volatile Consumer<List<Committed>> listener = changes -> { };

    /** One caller's write, done by whichever thread runs its batch. */
    private static final class Pending<T> {
        final String what;
        final ReadAhead readAhead;
        final Work<T> work;
        final List<Change> changes = new ArrayList<>();
        final List<Committed> committed = new ArrayList<>();
        final Thread caller = Thread.currentThread();
        T result;
        RuntimeException failure;
        volatile boolean done;

        Pending(String what, ReadAhead readAhead, Work<T> work) {
            this.what = what;
            this.readAhead = readAhead;
            this.work = work;
        }
    }

    Commits(Database db) {
        this.db = db;
    }

    void listen(Consumer<List<Committed>> listener) {
        this.listener = listener;
    }

    /** Queues the write for the batch thread and waits until it is committed or has failed. */
    <T> T write(String what, Work<T> work) {
        return write(what, null, work);
    }

    /** @param readAhead what the work reads first, or null (see {@link ReadAhead}) */
    <T> T write(String what, ReadAhead readAhead, Work<T> work) {
        Pending<T> mine = new Pending<>(what, readAhead, work);
        waiting.add(mine);
        wake();
        while (!mine.done) {
            LockSupport.parkNanos(this, CALLER_CHECK_NANOS);
            if (!mine.done && !running.get()) {
                wake(); // the batch thread died (it never leaves a write waiting otherwise)
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** Starts the batch thread, or wakes it if it waits for work. */
    private void wake() {
        if (running.compareAndSet(false, true)) {
            Thread t = new Thread(this::runBatches, "group-commit");
            t.setDaemon(true);
            batches = t;
            t.start();
        } else {
            Thread t = batches;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * The batch thread: runs batches while writes wait, then waits for more, and ends when none
     * came for {@link #IDLE_NANOS}. Before it ends it looks once more: a write queued after its
     * last look found it still running and only woke it, so it must not be left behind.
     */
    private void runBatches() {
        long idleSince = System.nanoTime();
        boolean ended = false;
        try {
            while (!ended) {
                if (!waiting.isEmpty()) {
                    runBatch();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < IDLE_NANOS) {
                    LockSupport.parkNanos(this, IDLE_NANOS);
                } else {
                    running.set(false);
                    ended = waiting.isEmpty() || !running.compareAndSet(false, true);
                }
            }
        } finally {
            if (!ended) {
                running.set(false); // died: the next write starts another
            }
        }
    }

    /**
     * Runs on the batch thread. The writes run one after the other in one transaction. Should
     * one throw (a fault, not a refusal: refusals are results), the transaction is rolled back,
     * that write fails alone and the others run again in a new one; a savepoint around each
     * write would do the same at two statements per write, every time.
     */
    private void runBatch() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p = waiting.poll(); p != null; p = batch.size() < MAX_BATCH ? waiting.poll() : null) {
            batch.add(p);
        }
        List<Pending<?>> todo = new ArrayList<>(batch);
        boolean hold = db.dialect() == Database.Dialect.POSTGRES;
        while (!todo.isEmpty()) {
            Pending<?>[] culprit = new Pending<?>[1];
            Exception[] cause = new Exception[1];
            String what = todo.size() == 1 ? todo.get(0).what : todo.size() + " writes (" + todo.get(0).what + ", ...)";
            try {
                boolean holding = hold;
                db.write(what, hold, c -> {
                    if (holding) {
                        readAhead(c, todo);
                    }
                    for (Pending<?> p : todo) {
                        try {
                            runOne(c, p);
                        } catch (SQLException | RuntimeException e) {
                            culprit[0] = p;
                            cause[0] = e;
                            throw e;
                        }
                    }
                    number(c, todo);
                    return null;
                });
                break;
            } catch (RuntimeException | Error e) {
                if (hold) {
                    // Writes held back fail when sent, after the write that made them has returned:
                    // run the batch again with every statement sent as it comes, which tells
                    // the culprit and lets a taken key answer for itself (see HeldWrites).
                    LOG.debug("{} ran again without holding writes back: {}", what, e.getMessage());
                    hold = false;
                    continue;
                }
                if (culprit[0] == null) {
                    // BEGIN or COMMIT failed (or the JVM did: an Error): nothing of these writes is stored.
                    RuntimeException failure = e instanceof RuntimeException r ? r
                            : new StoreException(what + " failed: " + e, e);
                    todo.forEach(p -> p.failure = failure);
                    break;
                }
                culprit[0].failure = cause[0] instanceof RuntimeException r ? r
                        : new StoreException(culprit[0].what + " failed: " + cause[0].getMessage(), cause[0]);
                todo.remove(culprit[0]);
            }
        }
        for (Pending<?> p : batch) {
            if (p.failure == null && !p.committed.isEmpty() && db.dialect() == Database.Dialect.SQLITE) {
                publish(p);
            }
            p.done = true;
            LockSupport.unpark(p.caller);
        }
    }

    private static void readAhead(Connection c, List<Pending<?>> todo) throws SQLException {
        Map<Class<?>, List<ReadAhead>> byKind = new LinkedHashMap<>();
        for (Pending<?> p : todo) {
            if (p.readAhead != null) {
                byKind.computeIfAbsent(p.readAhead.getClass(), k -> new ArrayList<>()).add(p.readAhead);
            }
        }
        for (List<ReadAhead> all : byKind.values()) {
            all.get(0).readAll(c, all);
        }
    }

    private static <T> void runOne(Connection c, Pending<T> p) throws SQLException {
        p.changes.clear();
        p.result = p.work.run(c, p.changes);
    }

    /**
     * Gives the batch's changes their ids, one upsert per site, and on PostgreSQL sends them.
     * Runs after every write of the batch succeeded, so a write that failed took no ids.
     */
    private void number(Connection c, List<Pending<?>> todo) throws SQLException {
        Map<String, Integer> perSite = new LinkedHashMap<>();
        for (Pending<?> p : todo) {
            p.committed.clear();
            for (Change change : p.changes) {
                perSite.merge(change.siteId(), 1, Integer::sum);
            }
        }
        if (perSite.isEmpty()) {
            return;
        }
        Map<String, Long> next = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO site_event_ids (site, last_id) VALUES (?, ?)
                ON CONFLICT (site) DO UPDATE SET last_id = site_event_ids.last_id + excluded.last_id
                RETURNING last_id""")) {
            for (Map.Entry<String, Integer> e : perSite.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next.put(e.getKey(), rs.getLong(1) - e.getValue() + 1);
                }
            }
        }
        List<Committed> all = new ArrayList<>();
        for (Pending<?> p : todo) {
            for (Change change : p.changes) {
                long id = next.merge(change.siteId(), 1L, Long::sum) - 1;
                Committed committed = new Committed(id, change);
                p.committed.add(committed);
                all.add(committed);
            }
        }
        if (db.dialect() == Database.Dialect.POSTGRES) {
            for (String payload : codec.encode(all)) {
                PgNotifications.send(c, payload);
            }
        }
    }

    private void publish(Pending<?> p) {
        try {
            listener.accept(List.copyOf(p.committed));
        } catch (RuntimeException | Error e) {
            // The commit stands; a live view that missed it catches up on its next resync. (Errors
            // too: the batch's other callers must still be told theirs is done.)
            LOG.error("{}: committed, but telling the live views failed", p.what, e);
        }
    }
}
