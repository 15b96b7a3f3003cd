package lobby.backoffice.store;

import static lobby.backoffice.store.TestData.MORNING;
import static lobby.backoffice.store.TestData.SITE;
import static lobby.backoffice.store.TestData.op;
import static lobby.backoffice.store.TestData.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a push records as ticket events, and what it tells the live views after the commit. */
class PushEventsTest {
    private static final Clock CLOCK = Clock.fixed(MORNING.plusSeconds(3600), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    private ServerStore store;
    private final List<List<Committed>> published = new ArrayList<>();

    @BeforeEach
    void open() {
        store = ServerStore.open(dir.resolve("backoffice.db"), CLOCK);
        TestData.saveSite(store);
        store.onCommitted(published::add, site -> { });
    }

    private List<String> types(String ticketId) {
        return store.desk().events(ticketId).orElseThrow().stream().map(e -> e.type().name()).toList();
    }

    @Test
    void aCheckInIsIssuedWithItsLampLitAndPublishedOnceEvenIfRetried() {
        KioskOp checkIn = op("k1", 1);
        store.push(new PushBatch("k1", List.of(checkIn)));
        store.push(new PushBatch("k1", List.of(checkIn)));

        assertEquals(List.of("ISSUED", "LAMP_LIT"), types(checkIn.ticket().id()));
        assertEquals(1, published.size(), "the retry changed nothing: " + published);
        Change.TicketChanged c = (Change.TicketChanged) published.get(0).get(0).change();
        assertEquals(1, published.get(0).get(0).eventId(), "the site's first event");
        assertEquals(1, store.lastEventId(SITE));
        assertEquals(SITE, c.siteId());
        assertEquals("WAITING", c.entry().status());
        assertEquals(store.queue(SITE, checkIn.ticket().day()).orElseThrow(), List.of(c.entry()),
                "the live event shows the ticket exactly as the queue reads it");
    }

    @Test
    void theDesksButtonAcknowledgesTheTicketsLitThereByThenOnly() {
        KioskOp before = op("k1", 1);
        KioskOp other = KioskOp.checkIn("op-x", "k1", 2, ticket("t-x", "k1", "B002", "adv-b", null, MORNING));
        KioskOp button = KioskOp.event("op-btn", "k1", 3, KioskOp.Type.LAMP_ACKNOWLEDGED, null, "1",
                MORNING.plusSeconds(30));
        KioskOp after = KioskOp.checkIn("op-y", "k1", 4, ticket("t-y", "k1", "B003", "adv-a", null,
                MORNING.plusSeconds(60)));
        KioskOp escalated = KioskOp.event("op-esc", "k1", 5, KioskOp.Type.LAMP_ESCALATED, null, "1",
                MORNING.plusSeconds(120));
        PushResult r = store.push(new PushBatch("k1", List.of(before, other, button, after, escalated)));

        assertEquals(5, r.applied().size(), r.toString());
        assertEquals(List.of("ISSUED", "LAMP_LIT", "ACKNOWLEDGED"), types(before.ticket().id()));
        assertEquals(List.of("ISSUED", "LAMP_LIT"), types("t-x"), "desk 2's ticket");
        assertEquals(List.of("ISSUED", "LAMP_LIT", "LAMP_ESCALATED"), types("t-y"));
        TicketEvent ack = store.desk().events(before.ticket().id()).orElseThrow().get(2);
        assertEquals(MORNING.plusSeconds(30), ack.at());
        assertEquals("k1", ack.actor());
        assertEquals("1", ack.detail());
    }

    @Test
    void aKioskPushesForItsOwnSiteAndAnOverlongFieldRejectsOnlyItsOp() {
        KioskOp fine = op("k1", 1);
        KioskOp longPlate = KioskOp.checkIn("op-long", "k1", 2, ticket("t-long", "k1", "B002", "adv-a",
                "粤A" + "1".repeat(40), MORNING));
        PushResult r = store.push(new PushBatch("k1", List.of(fine, longPlate)), SITE);

        assertEquals(List.of(fine.opId()), r.applied());
        assertTrue(r.rejected().get(0).reason().contains("ticket.plate is 42 characters long"), r.toString());

        PushResult elsewhere = store.push(new PushBatch("k1", List.of(op("k1", 3))), "another-site");
        assertTrue(elsewhere.rejected().get(0).reason().contains("enrolled at site another-site"), elsewhere.toString());
    }

    @Test
    void aCheckInForAnAdvisorOnABreakGoesToOneOnDutyAndTheLiveEventSaysWho() {
        KioskOp proposed = KioskOp.checkIn("op-c", "k1", 1, ticket("t-c", "k1", "B001", "adv-c", null, MORNING));
        PushResult r = store.push(new PushBatch("k1", List.of(proposed)));

        String chosen = Rendezvous.choose("t-c", List.of("adv-a", "adv-b")).orElseThrow();
        assertEquals(List.of(new PushResult.Reassignment("t-c", chosen, "adv-c is on BREAK")), r.reassigned());
        assertEquals(List.of("op-c"), r.applied());
        List<TicketEvent> events = store.desk().events("t-c").orElseThrow();
        assertEquals(List.of("ISSUED", "LAMP_LIT", "TRANSFERRED"), types("t-c"));
        assertEquals(new TicketEvent("t-c", TicketEvent.Type.TRANSFERRED, CLOCK.instant(), chosen, "adv-c", chosen,
                "server", "adv-c is on BREAK"), events.get(2));
        assertEquals(chosen, store.queue(SITE, TestData.DAY).orElseThrow().get(0).advisorId());
        Change.TicketChanged live = (Change.TicketChanged) published.get(0).get(0).change();
        assertEquals(store.queue(SITE, TestData.DAY).orElseThrow(), List.of(live.entry()),
                "the live event carries the advisor the server chose");

        KioskOp unknown = KioskOp.checkIn("op-d", "k1", 2, ticket("t-d", "k1", "B002", "adv-left", null, MORNING));
        PushResult.Reassignment gone = store.push(new PushBatch("k1", List.of(unknown))).reassigned().get(0);
        assertEquals("adv-left is not on the roster of site " + SITE, gone.reason());
        assertTrue(List.of("adv-a", "adv-b").contains(gone.advisorId()), gone.toString());
    }

    @Test
    void onDutyAdvisorsAndNobodyAreKeptAsTheKioskProposed() {
        PushResult r = store.push(new PushBatch("k1", List.of(
                KioskOp.checkIn("op-b", "k1", 1, ticket("t-b", "k1", "B001", "adv-b", null, MORNING)),
                KioskOp.checkIn("op-n", "k1", 2, ticket("t-n", "k1", "B002", null, null, MORNING)))));

        assertEquals(List.of(), r.reassigned());
        assertEquals(List.of("ISSUED", "LAMP_LIT"), types("t-b"));
        assertEquals(List.of("ISSUED"), types("t-n"));
        assertEquals(java.util.Arrays.asList("adv-b", null), store.queue(SITE, TestData.DAY).orElseThrow().stream()
                .map(lobby.sync.QueueEntry::advisorId).toList());
    }

    @Test
    void aKioskClockNeverSynchronisedIsNotTrustedTheTicketIsTimedByItsArrival() throws Exception {
        java.time.Instant stale = MORNING.minusSeconds(5 * 3600); // a Pi that booted with yesterday's time
        KioskOp unsynced = new KioskOp("op-u", "k1", 1, KioskOp.Type.CHECK_IN,
                ticket("t-u", "k1", "B001", "adv-a", null, stale), "t-u", null, stale, "0001741900000000.0002", false);
        KioskOp synced = KioskOp.checkIn("op-s", "k1", 2, ticket("t-s", "k1", "B002", "adv-a", null, MORNING),
                new lobby.sync.HybridClock.Stamp(MORNING.toEpochMilli(), 0), true);
        KioskOp button = new KioskOp("op-ack", "k1", 3, KioskOp.Type.LAMP_ACKNOWLEDGED, null, "t-u", "1", stale,
                null, false);
        store.push(new PushBatch("k1", List.of(unsynced, synced, button)));

        List<TicketEvent> events = store.desk().events("t-u").orElseThrow();
        assertEquals(List.of(CLOCK.instant(), CLOCK.instant(), CLOCK.instant()),
                events.stream().map(TicketEvent::at).toList(), "ISSUED, LAMP_LIT, ACKNOWLEDGED at the server's time");
        assertEquals(MORNING, store.desk().events("t-s").orElseThrow().get(0).at(), "a synchronised clock is trusted");
        assertEquals(List.of("t-s", "t-u"), store.queue(SITE, TestData.DAY).orElseThrow().stream()
                .map(lobby.sync.QueueEntry::ticketId).toList(), "queued by its arrival, not five hours early");
        assertEquals(CLOCK.instant(), store.queue(SITE, TestData.DAY).orElseThrow().get(1).issuedAt());
        TicketTimeline visit = store.statistics().visits(SITE, TestData.DAY, TestData.DAY.plusDays(1)).orElseThrow()
                .stream().filter(v -> v.ticketId().equals("t-u")).findFirst().orElseThrow();
        assertEquals(CLOCK.instant(), visit.issued());
        assertEquals(CLOCK.instant(), visit.acknowledged());

        List<String> rows = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("backoffice.db"));
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT id, hlc, clock_synced, received_at FROM tickets ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
            }
        }
        String received = "2025-03-14T02:00:00.000000000Z";
        assertEquals(List.of("t-s " + new lobby.sync.HybridClock.Stamp(MORNING.toEpochMilli(), 0) + " 1 " + received,
                "t-u 0001741900000000.0002 0 " + received), rows);
    }

    @Test
    void theReceptionTimeIsTheWeeksAverageFromStartToDone() {
        KioskOp a = op("k1", 1);
        KioskOp b = op("k1", 2);
        store.push(new PushBatch("k1", List.of(a, b)));
        Actor chen = Actor.advisor("adv-a", SITE, "adv-a");
        assertEquals(8, store.snapshot(SITE, TestData.DAY).orElseThrow().receptionMinutes(), "the default");
        for (String t : List.of(a.ticket().id(), b.ticket().id())) {
            store.desk().call(t, chen);
            store.desk().start(t, chen);
            store.desk().done(t, chen);
        }
        // A fixed clock: both took no time at all, which still counts as one minute, not "no figures".
        assertEquals(1, store.snapshot(SITE, TestData.DAY).orElseThrow().receptionMinutes());
    }
}
