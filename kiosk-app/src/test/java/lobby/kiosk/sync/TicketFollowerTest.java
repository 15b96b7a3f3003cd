package lobby.kiosk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.store.QueueStore;
import lobby.sync.QueueEntry;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back office's word on the kiosk's tickets: lamps follow a reassignment, statuses never go back. */
class TicketFollowerTest {
    @TempDir
    Path dir;
    private KioskStore store;
    private final List<String> lamps = new ArrayList<>();
    private TicketFollower follower;

    @BeforeEach
    void open() {
        store = KioskStore.open(dir.resolve("kiosk.db"));
        store.roster().replace(new SiteSnapshot("demo", "店", LocalDate.now(), Instant.now(), "a2V5", "",
                List.of(new Advisor("adv-chen", "陈志强", 1, 17, Duty.ON_DUTY), new Advisor("adv-li", "李晓婷", 2, 27,
                        Duty.ON_DUTY)), List.of(), List.of(), 0), Instant.now());
        follower = new TicketFollower(store, desk -> lamps.add("off " + desk), desk -> lamps.add("on " + desk));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Ticket checkIn() {
        return store.queue().checkIn(QueueStore.NewCheckIn.walkIn("demo", "k1", LocalDate.now(), Instant.now(),
                VisitKind.REPAIR, null, true)).ticket();
    }

    private static QueueEntry entry(Ticket t, String advisor, int desk, String status, boolean acknowledged) {
        return new QueueEntry(t.id(), t.number(), "REPAIR", advisor, null, desk, "", status, t.issuedAt(), "k1", null,
                acknowledged);
    }

    @Test
    void aReassignmentMovesTheLampToTheNewAdvisorsDesk() {
        Ticket t = checkIn();
        String other = t.advisorId().equals("adv-chen") ? "adv-li" : "adv-chen";
        int from = t.advisorId().equals("adv-chen") ? 1 : 2;
        int to = 3 - from;
        follower.reassigned(t.id(), other);
        assertEquals(List.of("off " + from, "on " + to), lamps);
        assertEquals(other, store.queue().follow(t.id(), null, other).orElseThrow().advisorId());

        lamps.clear();
        follower.entry(entry(t, other, to, "WAITING", false));
        assertEquals(List.of(), lamps, "the same advisor again: the lamp stays where it is");
    }

    @Test
    void aStatusNeverGoesBackAndAResponseTurnsTheLampOff() {
        Ticket t = checkIn();
        int desk = t.advisorId().equals("adv-chen") ? 1 : 2;
        follower.entry(entry(t, t.advisorId(), desk, "CALLED", false));
        assertEquals(List.of("off " + desk), lamps);
        follower.entry(entry(t, t.advisorId(), desk, "WAITING", false)); // a late, older event
        assertEquals("CALLED", store.queue().follow(t.id(), null, t.advisorId()).orElseThrow().status());
        assertTrue(lamps.size() == 1, "no lamp lit again by the late event: " + lamps);
    }
}
