package lobby.backoffice.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import lobby.backoffice.store.Change;
import lobby.backoffice.store.Committed;

/**
 * The live events of each site, for server-sent events. Every committed change becomes one
 * event with the id the store gave it (per site, increasing in commit order, the same on every
 * back office sharing the database); the last {@link #REPLAY_EVENTS} of a site are kept in
 * memory so a client that reconnects with Last-Event-ID gets exactly what it missed. A client
 * further behind (from before a restart, or connected to another instance earlier) gets the
 * current state instead: every ticket of the day and every advisor, all with the latest id.
 */
public final class SiteEvents implements AutoCloseable {
    /** About a busy morning's worth of events at one site: a reconnect after a Wi-Fi hiccup replays. */
    public static final int REPLAY_EVENTS = 1_024;
    static final Duration PING_EVERY = Duration.ofSeconds(20);
    /** The comment that opens every stream. */
    public static final String CONNECTED = "connected";
    /** Writers to slow clients block; a few threads keep one slow client from delaying the rest. */
    static final int SENDER_THREADS = 4;
    /**
     * The event of a booking made or changed: the {@link lobby.checkin.Appointment} in full, for
     * kiosks. It is never part of the current state a resync sends (kiosks take a day's bookings
     * from their snapshot), and the event routes keep it from lobby displays.
     */
    public static final String APPOINTMENT = "appointment";

    private final ObjectMapper json;
    private final Function<String, List<Change>> currentState;
    private final ToLongFunction<String> lastEventId;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private final ScheduledExecutorService pings;

    /** The data of a "call" event: what the board announces. */
    record Call(String number, int desk, String ticketId, boolean recall) {
    }

    private final class Channel {
        final ArrayDeque<Sink.Event> recent = new ArrayDeque<>();
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        long lastId;

        Channel(long lastId) {
            this.lastId = lastId;
        }
    }

    /**
     * @param currentState a site's present state as changes (its tickets today and its advisors), for a resync
     * @param lastEventId  the id of a site's latest committed event, where a site's channel starts
     */
    public SiteEvents(ObjectMapper json, Function<String, List<Change>> currentState,
                      ToLongFunction<String> lastEventId) {
        this.json = json;
        this.currentState = currentState;
        this.lastEventId = lastEventId;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(SENDER_THREADS, r -> daemon(r, "sse-sender-" + n.incrementAndGet()));
        this.pings = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sse-ping"));
        pings.scheduleAtFixedRate(this::ping, PING_EVERY.toMillis(), PING_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private Channel channel(String site) {
        return channels.computeIfAbsent(site, s -> new Channel(lastEventId.applyAsLong(s)));
    }

    /**
     * Turns committed changes into events; called by the store in commit order. An event this
     * channel already passed (committed before the channel started) is not sent twice.
     */
    public void publish(List<Committed> committed) {
        for (Committed c : committed) {
            Change change = c.change();
            Channel ch = channel(change.siteId());
            synchronized (ch) {
                if (c.eventId() <= ch.lastId) {
                    continue;
                }
                ch.lastId = c.eventId();
                Sink.Event e = new Sink.Event(c.eventId(), name(change), () -> data(change));
                ch.recent.addLast(e);
                if (ch.recent.size() > REPLAY_EVENTS) {
                    ch.recent.removeFirst();
                }
                for (Subscriber s : ch.subscribers) {
                    s.offer(e);
                }
            }
        }
    }

    /**
     * Starts sending a site's events to {@code sink}: first what it missed since
     * {@code lastEventId} (null: a fresh start, nothing to catch up), then each new one.
     *
     * @return a handle that stops the sending (call it when the connection closes)
     */
    public Runnable subscribe(String site, Long lastEventId, Sink sink) {
        Channel ch = channel(site);
        Subscriber[] self = new Subscriber[1];
        self[0] = new Subscriber(sink, senders, () -> ch.subscribers.remove(self[0]));
        synchronized (ch) {
            // Added before anything is sent: a connection that fails on its first write is then
            // removed for good, not added after its removal. The lock keeps publish() out meanwhile.
            ch.subscribers.add(self[0]);
            // Says the subscription is in place: a client (or test) that waits for it misses nothing after.
            self[0].offer(Sink.Event.comment(CONNECTED));
            if (lastEventId != null) {
                for (Sink.Event e : catchUp(site, ch, lastEventId)) {
                    self[0].offer(e);
                }
            }
        }
        return self[0]::drop;
    }

    /** Called with the channel locked, so no event can slip between the catch-up and the subscription. */
    private List<Sink.Event> catchUp(String site, Channel ch, long lastEventId) {
        long oldest = ch.recent.isEmpty() ? ch.lastId + 1 : ch.recent.peekFirst().id();
        if (lastEventId >= oldest - 1 && lastEventId <= ch.lastId) {
            return ch.recent.stream().filter(e -> e.id() > lastEventId).toList();
        }
        List<Sink.Event> state = new ArrayList<>();
        for (Change c : currentState.apply(site)) {
            state.add(new Sink.Event(ch.lastId, name(c), () -> data(c)));
        }
        return state;
    }

    /**
     * Sends a site's current state to everyone following it, for when events may have been
     * missed (the store lost its connection to the database).
     *
     * @param site null: every site
     */
    public void resync(String site) {
        for (Map.Entry<String, Channel> e : channels.entrySet()) {
            if (site != null && !site.equals(e.getKey())) {
                continue;
            }
            Channel ch = e.getValue();
            if (ch.subscribers.isEmpty()) {
                continue;
            }
            List<Change> state = currentState.apply(e.getKey());
            synchronized (ch) {
                for (Change c : state) {
                    Sink.Event event = new Sink.Event(ch.lastId, name(c), () -> data(c));
                    for (Subscriber s : ch.subscribers) {
                        s.offer(event);
                    }
                }
            }
        }
    }

    public int subscribers(String site) {
        Channel ch = channels.get(site);
        return ch == null ? 0 : ch.subscribers.size();
    }

    private void ping() {
        for (Channel ch : channels.values()) {
            for (Subscriber s : ch.subscribers) {
                s.offer(Sink.Event.ping());
            }
        }
    }

    static String name(Change change) {
        if (change instanceof Change.TicketChanged) {
            return "ticket";
        }
        if (change instanceof Change.AppointmentChanged) {
            return APPOINTMENT;
        }
        return change instanceof Change.AdvisorChanged ? "advisor" : "call";
    }

    private String data(Change change) {
        Object body;
        if (change instanceof Change.TicketChanged t) {
            body = t.entry();
        } else if (change instanceof Change.AdvisorChanged a) {
            body = a.advisor();
        } else if (change instanceof Change.AppointmentChanged a) {
            body = a.appointment();
        } else {
            Change.TicketCalled c = (Change.TicketCalled) change;
            body = new Call(c.number(), c.desk(), c.ticketId(), c.recall());
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + name(change) + " event as JSON: " + change, e);
        }
    }

    /** Disconnects every client (they reconnect to the next instance) and stops the sender threads. */
    @Override
    public void close() {
        pings.shutdownNow();
        for (Channel ch : channels.values()) {
            for (Subscriber s : List.copyOf(ch.subscribers)) {
                s.drop();
            }
        }
        senders.shutdownNow();
    }
}
