package lobby.kiosk.sync;

import java.util.Optional;
import java.util.function.IntConsumer;
import lobby.checkin.Advisor;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.store.QueueStore;
import lobby.sync.QueueEntry;

/**
 * What the kiosk does with the back office's word on a ticket, from the event stream or from a
 * push's answer: keeps its copy (status forward only), and keeps the lamps right. Once an
 * advisor has acknowledged or called the customer, their desk's lamp has done its job; when the
 * back office gave a waiting customer to another advisor than the kiosk proposed, the lamp
 * moves to that advisor's desk.
 */
public final class TicketFollower {
    private final KioskStore store;
    private final IntConsumer lampOff;
    private final IntConsumer lampOn;

    public TicketFollower(KioskStore store, IntConsumer lampOff, IntConsumer lampOn) {
        this.store = store;
        this.lampOff = lampOff;
        this.lampOn = lampOn;
    }

    /** A ticket's line in the site's queue, as an event brought it. */
    public void entry(QueueEntry q) {
        Optional<QueueStore.Followed> mine = store.queue().follow(q.ticketId(), q.status(), q.advisorId());
        boolean responded = !"WAITING".equals(q.status()) || q.acknowledged();
        if (responded) {
            if (q.desk() > 0) {
                lampOff.accept(q.desk());
            }
            return;
        }
        mine.filter(QueueStore.Followed::advisorChanged).ifPresent(f -> moveLamp(f.previousAdvisorId(), f.advisorId()));
    }

    /** The back office changed the advisor the kiosk proposed for one of its check-ins. */
    public void reassigned(String ticketId, String advisorId) {
        store.queue().follow(ticketId, null, advisorId).filter(QueueStore.Followed::advisorChanged)
                .filter(f -> "WAITING".equals(f.status()))
                .ifPresent(f -> moveLamp(f.previousAdvisorId(), f.advisorId()));
    }

    private void moveLamp(String from, String to) {
        desk(from).ifPresent(lampOff::accept);
        desk(to).ifPresent(lampOn::accept);
    }

    private Optional<Integer> desk(String advisorId) {
        return advisorId == null ? Optional.empty() : store.roster().advisor(advisorId).map(Advisor::desk);
    }
}
