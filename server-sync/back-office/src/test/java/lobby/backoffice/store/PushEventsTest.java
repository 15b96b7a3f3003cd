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
