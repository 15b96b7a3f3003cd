package lobby.kiosk.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lobby.kiosk.store.KioskStore;
import lobby.sync.KioskOp;
import lobby.sync.NumberLease;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.SiteSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the kiosk's store and the back office in step on one background thread: pulls the
 * site's snapshot, and drains the outbox after every check-in and on a timer. Being offline
 * is a state, not an error: check-ins go on from the local store and drain later.
 *
 * <p>Each answer from the back office also sets the kiosk's clock ({@link SyncedClock}),
 * tops up the leased ticket numbers, and is checked for a restored server: a new epoch, or
 * fewer of this kiosk's ops than it saw acknowledged, and the kiosk pushes again what the
 * server lacks and reloads its snapshot. Ops the server refuses for good go to the dead-letter
 * list; the server counts their seq, so the rest of the outbox moves on.
 */
public final class SyncAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);
    static final Duration SNAPSHOT_EVERY = Duration.ofMinutes(5);
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);
    /** Below this many leased numbers left in a series, the kiosk asks for another block. */
    static final int LEASE_LOW_WATER = 10;
    static final int LEASE_BLOCK = 30;
    static final List<Character> SERIES = List.of('A', 'B', 'U');
    /** Acknowledged ops are kept this long, to be pushed again should the server be restored from a backup. */
    static final Duration KEEP_ACKNOWLEDGED = Duration.ofDays(14);
    static final String EPOCH = "server.epoch";

    private final BackOfficeClient client;
    private final KioskStore store;
    private final String siteId;
    private final String kioskId;
    private final SyncedClock clock;
    private final ScheduledExecutorService worker;
    private volatile Consumer<PushResult.Reassignment> onReassigned = r -> { };
    /** Set when the server's epoch changed: push (even nothing) to learn what it has of ours. */
    private volatile boolean probe;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Backoff backoff = new Backoff(new Random());
    private volatile SyncStatus status = new SyncStatus(false, null, 0, "not yet synchronised");

    public SyncAgent(BackOfficeClient client, KioskStore store, String siteId, String kioskId, SyncedClock clock) {
        this.client = client;
        this.store = store;
        this.siteId = siteId;
        this.kioskId = kioskId;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the background work. A kiosk that has never received its roster waits for one
     * attempt (it needs the roster to light lamps and assign advisors); one that has a roster
     * starts at once on what it has and refreshes it in the background, so that a slow or absent
     * network never delays the welcome screen.
     */
    public SyncStatus start(Duration drainEvery) {
        store.outbox().prune(clock.instant().minus(KEEP_ACKNOWLEDGED));
        boolean firstBoot = store.roster().site().isEmpty();
        if (firstBoot) {
            refreshSnapshot();
        }
        worker.scheduleWithFixedDelay(this::refreshSnapshot, firstBoot ? SNAPSHOT_EVERY.toMillis() : 0,
                SNAPSHOT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::timedDrain, 0, drainEvery.toMillis(), TimeUnit.MILLISECONDS);
        return status;
    }

    /** Where the server's changes to advisors the kiosk proposed go (the lamps follow them). */
    public void onReassigned(Consumer<PushResult.Reassignment> listener) {
        this.onReassigned = listener;
    }

    /** Tells the back office every {@link #HEARTBEAT_EVERY} how the kiosk and its devices are. */
    public void heartbeats(Supplier<BackOfficeClient.Heartbeat> beat) {
        worker.scheduleWithFixedDelay(() -> {
            try {
                client.heartbeat(kioskId, beat.get());
            } catch (SyncException e) {
                LOG.debug("heartbeat not delivered: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("heartbeat failed", e);
            }
        }, 0, HEARTBEAT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a drain soon; cheap to call after every write. */
    public void kick() {
        if (drainQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                drainQueued.set(false);
                drain();
            });
        }
    }

    /**
     * Runs a small local write (an event for the outbox) on the sync thread, then drains: for
     * callers such as lamp listeners that must not wait for the disk themselves.
     */
    public void later(Runnable write) {
        worker.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.error("recording an event for the back office failed", e);
            }
            drain();
        });
    }

    public SyncStatus status() {
        return status;
    }

    public boolean refreshSnapshot() {
        try {
            long sent = clock.nanos();
            SiteSnapshot snapshot = client.snapshot(siteId);
            clock.observe(snapshot.serverTime(), sent, clock.nanos());
            epoch(snapshot.epoch());
            store.roster().replace(snapshot, clock.instant());
            LOG.info("snapshot of site {}: {} advisors, {} appointments for {}", siteId,
                    snapshot.advisors().size(), snapshot.appointments().size(), snapshot.day());
            backoff.succeeded();
            status = new SyncStatus(true, clock.instant(), store.outbox().pendingCount(), "");
            topUpLeases();
            if (probe) {
                kick();
            }
            return true;
        } catch (SyncException e) {
            offline(e);
            return false;
        }
    }

    /** A different epoch than the one remembered: the server was restored from a backup. */
    private void epoch(String epoch) {
        if (epoch == null) {
            return;
        }
        String known = store.meta(EPOCH).orElse(null);
        if (!epoch.equals(known)) {
            store.putMeta(EPOCH, epoch);
            if (known != null) {
                LOG.warn("the back office's data epoch changed ({} -> {}): it was restored from a backup;"
                        + " pushing again what it lacks", known, epoch);
                probe = true;
            }
        }
    }

    /** Asks for more numbers in each series running low today; offline, the fallback series takes over. */
    private void topUpLeases() {
        LocalDate today = LocalDate.now(clock);
        List<String> low = SERIES.stream().filter(s -> store.queue().leasedNumbersLeft(today, s) < LEASE_LOW_WATER)
                .map(String::valueOf).toList();
        if (low.isEmpty()) {
            return;
        }
        try {
            long sent = clock.nanos();
            NumberLease.Grant grant = client.leases(new NumberLease.Request(kioskId, today, low,
                    LEASE_BLOCK));
            clock.observe(grant.serverTime(), sent, clock.nanos());
            store.queue().addLeases(grant);
        } catch (SyncException e) {
            LOG.debug("no new ticket numbers leased ({}); the kiosk's own series covers", e.getMessage());
        }
    }

    /** The timer's drain respects the backoff; a write's drain (kick) always tries once. */
    private void timedDrain() {
        if (backoff.ready(System.nanoTime())) {
            drain();
        }
    }

    /** Sends everything pending, batch by batch, until the outbox is empty or the server is unreachable. */
    void drain() {
        try {
            boolean reached = false;
            while (true) {
                List<KioskOp> ops = store.outbox().pending(PushBatch.MAX_OPS);
                if (ops.isEmpty() && !probe) {
                    break;
                }
                reached = true;
                probe = false;
                long sent = clock.nanos();
                PushResult result = client.push(new PushBatch(kioskId, ops));
                clock.observe(result.serverTime(), sent, clock.nanos());
                store.outbox().acknowledge(result.applied(), clock.instant());
                store.outbox().reject(result.rejected(), clock.instant());
                result.rejected().forEach(r -> LOG.error("back office refused op {} for good (kept in the dead-letter"
                        + " list): {}", r.opId(), r.reason()));
                result.reassigned().forEach(this::reassigned);
                epoch(result.epoch());
                long acknowledged = store.outbox().highestAcknowledged();
                if (result.highestSeq() < acknowledged) {
                    int again = store.outbox().resendAfter(result.highestSeq());
                    LOG.warn("the back office holds this kiosk's ops up to seq {} but had acknowledged {}: restored"
                            + " from a backup; pushing {} ops again", result.highestSeq(), acknowledged, again);
                    refreshSnapshot();
                    continue;
                }
                if (result.applied().isEmpty() && result.rejected().isEmpty()) {
                    break; // nothing moved: do not spin; the timer tries again
                }
            }
            // An empty outbox says nothing about the network: only a push that got through does.
            if (reached) {
                backoff.succeeded();
                topUpLeases();
            }
            status = reached ? new SyncStatus(true, clock.instant(), store.outbox().pendingCount(), "")
                    : new SyncStatus(status.online(), status.lastSuccess(), 0, status.problem());
        } catch (SyncException e) {
            offline(e);
        } catch (RuntimeException e) {
            LOG.error("sync failed unexpectedly", e);
            status = new SyncStatus(false, status.lastSuccess(), store.outbox().pendingCount(), e.toString());
        }
    }

    private void reassigned(PushResult.Reassignment r) {
        try {
            onReassigned.accept(r);
        } catch (RuntimeException e) {
            LOG.error("following the back office's reassignment of ticket {} failed", r.ticketId(), e);
        }
    }

    private void offline(SyncException e) {
        Duration wait = backoff.failed(System.nanoTime());
        LOG.debug("back office attempt failed; next timed attempt in {} ms", wait.toMillis());
        int pending = store.outbox().pendingCount();
        if (status.online() || status.lastSuccess() == null) {
            LOG.warn("back office unreachable, working offline ({} pending): {}", pending, e.getMessage());
        }
        status = new SyncStatus(false, status.lastSuccess(), pending, e.getMessage());
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the technician screen and the heartbeat show. */
    public record SyncStatus(boolean online, Instant lastSuccess, int pending, String problem) {
    }
}
