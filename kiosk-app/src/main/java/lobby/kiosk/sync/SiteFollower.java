package lobby.kiosk.sync;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import lobby.checkin.Advisor;
import lobby.kiosk.store.KioskStore;
import lobby.sync.QueueEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the site's event stream so the kiosk's copy stays current between snapshots: what
 * became of each ticket (which frees the advisor's lamp and shortens the wait estimates, or
 * moves it when the back office gave the customer to another advisor), the advisors' duty, and
 * bookings made since the snapshot. Reconnects with backoff and resumes after the last event id it saw.
 */
public final class SiteFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteFollower.class);
    static final Duration RECONNECT_AFTER_END = Duration.ofMillis(500);

    private final EventStream stream;
    private final KioskStore store;
    private final TicketFollower tickets;
    private final Backoff backoff = new Backoff(new java.util.Random());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile String lastId;
    private volatile Runnable onConnected = () -> { };

    /** @param tickets what to do with a ticket's news (its copy, the lamps) */
    public SiteFollower(URI backOffice, String siteId, Supplier<String> token, java.nio.file.Path caFile,
                        KioskStore store, TicketFollower tickets) {
        URI base = backOffice.toString().endsWith("/") ? backOffice : URI.create(backOffice + "/");
        this.stream = new EventStream(base.resolve("api/sites/" + siteId + "/events"), token, caFile);
        this.store = store;
        this.tickets = tickets;
        this.lastId = store.meta("events.last-id").orElse(null);
        this.thread = new Thread(this::run, "kiosk-events");
        this.thread.setDaemon(true);
    }

    /** Called each time the stream (re)connects: the kiosk then drains its outbox at once. */
    public SiteFollower onConnected(Runnable listener) {
        this.onConnected = listener;
        return this;
    }

    public SiteFollower start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running.get()) {
            try {
                lastId = stream.follow(lastId, this::apply, () -> onConnected.run());
                backoff.succeeded();
                Thread.sleep(RECONNECT_AFTER_END.toMillis()); // the server closed a healthy stream: do not hammer it
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                Duration wait = backoff.failed(System.nanoTime());
                LOG.debug("event stream broke ({}); reconnecting in {} ms", e.getMessage(), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis()); // production pacing between reconnects, not a test wait
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    void apply(EventStream.Event e) {
        try {
            switch (e.name()) {
                case "ticket" -> tickets.entry(WireJson.read(e.data(), QueueEntry.class));
                case "advisor" -> store.roster().updateAdvisor(WireJson.read(e.data(), Advisor.class));
                case "appointment" -> store.roster().upsertAppointment(WireJson.read(e.data(),
                        lobby.checkin.Appointment.class));
                default -> {
                    // other events (the board's calls) are not the kiosk's business
                }
            }
            if (e.id() != null) {
                store.putMeta("events.last-id", e.id());
            }
        } catch (RuntimeException ex) {
            LOG.warn("event {} {} not applied: {}", e.name(), e.id(), ex.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
