package lobby.backoffice.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lobby.backoffice.store.Change;
import lobby.backoffice.store.Committed;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.Duty;
import lobby.checkin.VisitKind;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SiteEventsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Advisor CHEN = new Advisor("adv-chen", "陈志强", 1, 17, Duty.ON_DUTY);

    private final List<Change> state = new ArrayList<>();
    /** Where the store says each site's events stand when a channel opens. */
    private static final long STORED_LAST_ID = 500;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final SiteEvents events = new SiteEvents(json, site -> state, site -> STORED_LAST_ID);
    private long nextId = STORED_LAST_ID;

    /** As the store does: ids in commit order, per site. */
    private void publish(Change... changes) {
        List<Committed> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(new Committed(++nextId, c));
        }
        events.publish(out);
    }

    /** Records what it is sent; a broken one fails on every event but comments, as a dead connection would. */
    private static final class Recording implements Sink {
        final BlockingQueue<Event> got = new LinkedBlockingQueue<>();
        final boolean broken;
        volatile boolean closed;

        Recording() {
            this(false);
        }

        Recording(boolean broken) {
            this.broken = broken;
        }

        @Override
        public boolean send(Event event) {
            got.add(event);
            return !broken || event.isComment();
        }

        @Override
        public void close() {
            closed = true;
        }

        Event next() throws InterruptedException {
            Event e = got.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                fail("nothing sent within " + DEADLINE);
            }
            return e;
        }

        List<Event> take(int n) throws InterruptedException {
            List<Event> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(next());
            }
            return out;
        }
    }

    @AfterEach
    void close() {
        events.close();
    }

    private static Change ticket(String id) {
        return new Change.TicketChanged("demo", new QueueEntry(id, "B001", "REPAIR", "adv-chen", "陈志强", 1, "粤A·***45",
                "WAITING", Instant.parse("2025-03-14T01:00:00Z"), "k", null, false));
    }

    @Test
    void subscribersGetEachEventOnceInOrderWithIncreasingIds() throws Exception {
        Recording a = new Recording();
        events.subscribe("demo", null, a);
        publish(ticket("t1"), new Change.TicketCalled("demo", "t1", "B001", 1, false),
                new Change.AdvisorChanged("demo", CHEN));
        publish(new Change.AdvisorChanged("other", CHEN));

        List<Sink.Event> got = a.take(4);
        assertEquals(SiteEvents.CONNECTED, got.get(0).data());
        assertEquals(List.of("ticket", "call", "advisor"), got.subList(1, 4).stream().map(Sink.Event::name).toList());
        assertEquals("{\"number\":\"B001\",\"desk\":1,\"ticketId\":\"t1\",\"recall\":false}", got.get(2).data());
        assertTrue(got.get(1).id() < got.get(2).id() && got.get(2).id() < got.get(3).id());
        assertEquals(STORED_LAST_ID + 1, got.get(1).id(), "ids are the store's");
        assertTrue(a.got.isEmpty(), "another site's event is not sent here: " + a.got);
    }

    @Test
    void aBookingIsAnAppointmentEventWithTheAppointmentAsData() throws Exception {
        Appointment booked = new Appointment("20250314-K7QX2M", "demo", LocalDate.of(2025, 3, 14),
                LocalTime.of(9, 30), "粤A8K2M6", "张伟", VisitKind.MAINTENANCE, "adv-chen");
        Recording a = new Recording();
        events.subscribe("demo", null, a);
        publish(new Change.AppointmentChanged("demo", booked));

        a.next(); // connected
        Sink.Event e = a.next();
        assertEquals(SiteEvents.APPOINTMENT, e.name());
        assertEquals(booked, json.readValue(e.data(), Appointment.class));
    }

    @Test
    void aResumeReplaysWhatWasMissedAndATooOldIdGetsTheState() throws Exception {
        Recording first = new Recording();
        events.subscribe("demo", null, first);
        publish(ticket("t1"));
        long seen = first.take(2).get(1).id();
        publish(ticket("t2"), ticket("t3"));

        Recording resumed = new Recording();
        events.subscribe("demo", seen, resumed);
        List<Sink.Event> replay = resumed.take(3);
        assertEquals(List.of(seen + 1, seen + 2), replay.subList(1, 3).stream().map(Sink.Event::id).toList());

        for (int i = 0; i < SiteEvents.REPLAY_EVENTS; i++) {
            publish(ticket("x" + i));
        }
        state.add(ticket("now"));
        state.add(new Change.AdvisorChanged("demo", CHEN));
        Recording late = new Recording();
        events.subscribe("demo", seen, late);
        List<Sink.Event> resync = late.take(3);
        assertEquals(List.of("ticket", "advisor"), resync.subList(1, 3).stream().map(Sink.Event::name).toList());
        assertTrue(resync.get(1).data().contains("\"now\""), resync.get(1).data());
        assertEquals(resync.get(1).id(), resync.get(2).id());
        assertEquals(seen + 2 + SiteEvents.REPLAY_EVENTS, resync.get(1).id(), "the latest id");
    }

    @Test
    void anEventTheChannelAlreadyPassedIsNotSentAgain() throws Exception {
        Recording a = new Recording();
        events.subscribe("demo", null, a);
        a.next();
        events.publish(List.of(new Committed(STORED_LAST_ID, ticket("old"))));
        publish(ticket("new"));
        Sink.Event e = a.next();
        assertTrue(e.data().contains("\"new\""), e.data());
        assertTrue(a.got.isEmpty(), "only the new event: " + a.got);
    }

    @Test
    void aResyncSendsTheStateToEveryFollower() throws Exception {
        Recording a = new Recording();
        events.subscribe("demo", null, a);
        a.next();
        state.add(ticket("now"));
        events.resync(null);
        Sink.Event e = a.next();
        assertEquals("ticket", e.name());
        assertTrue(e.data().contains("\"now\""), e.data());
    }

    @Test
    void aBrokenConnectionIsDroppedAndClosed() throws Exception {
        Recording broken = new Recording(true);
        events.subscribe("demo", null, broken);
        broken.next();
        assertEquals(1, events.subscribers("demo"));
        publish(ticket("t1"));
        broken.next();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        // Dropping removes the subscriber first and closes the connection after: wait for both.
        while ((events.subscribers("demo") > 0 || !broken.closed) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, events.subscribers("demo"));
        assertTrue(broken.closed);
    }
}
