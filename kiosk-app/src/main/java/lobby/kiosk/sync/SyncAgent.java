package lobby.kiosk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import lobby.kiosk.store.KioskStore;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import lobby.sync.SiteSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the kiosk's store and the back office in step on one background thread: pulls the
 * site's snapshot, and drains the outbox after every check-in and on a timer. Being offline
 * is a state, not an error: check-ins go on from the local store and drain later.
 */
public final class SyncAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);
    static final Duration SNAPSHOT_EVERY = Duration.ofMinutes(5);
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);

    private final BackOfficeClient client;
    private final KioskStore store;
    private final String siteId;
    private final String kioskId;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Backoff backoff = new Backoff(new java.util.Random());
    private volatile SyncStatus status = new SyncStatus(false, null, 0, "not yet synchronised");

    public SyncAgent(BackOfficeClient client, KioskStore store, String siteId, String kioskId, Clock clock) {
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
        boolean firstBoot = store.roster().site().isEmpty();
        if (firstBoot) {
            refreshSnapshot();
        }
        worker.scheduleWithFixedDelay(this::refreshSnapshot, firstBoot ? SNAPSHOT_EVERY.toMillis() : 0,
                SNAPSHOT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::timedDrain, 0, drainEvery.toMillis(), TimeUnit.MILLISECONDS);
        return status;
    }

    /** Tells the back office every {@link #HEARTBEAT_EVERY} how the kiosk and its devices are. */
    public void heartbeats(java.util.function.Supplier<BackOfficeClient.Heartbeat> beat) {
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
            SiteSnapshot snapshot = client.snapshot(siteId);
            store.roster().replace(snapshot, clock.instant());
            LOG.info("snapshot of site {}: {} advisors, {} appointments for {}", siteId,
                    snapshot.advisors().size(), snapshot.appointments().size(), snapshot.day());
            backoff.succeeded();
            status = new SyncStatus(true, clock.instant(), store.outbox().pendingCount(), "");
            return true;
        } catch (SyncException e) {
            offline(e);
            return false;
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
                if (ops.isEmpty()) {
                    break;
                }
                reached = true;
                PushResult result = client.push(new PushBatch(kioskId, ops));
                store.outbox().acknowledge(result.applied(), clock.instant());
                result.rejected().forEach(r -> LOG.error("back office refused op {}: {}", r.opId(), r.reason()));
                if (result.applied().isEmpty()) {
                    break; // nothing moved: do not spin; the timer tries again
                }
            }
            // An empty outbox says nothing about the network: only a push that got through does.
            if (reached) {
                backoff.succeeded();
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
