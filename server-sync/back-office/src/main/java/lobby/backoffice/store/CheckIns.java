package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import lobby.checkin.Ticket;
import lobby.sync.KioskOp;
import lobby.sync.PushResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's check-in as the server takes it in, inside the push's transaction.
 *
 * <p>The ticket's advisor is the kiosk's proposal, made from a roster that may be stale: an
 * offline kiosk does not see an advisor go on a break. One who is not on duty here (or not on
 * the roster at all) is replaced by an advisor on duty, chosen by {@link Rendezvous} so that
 * every kiosk and every back office reaches the same one; the change is a TRANSFERRED event by
 * {@link #SERVER_ACTOR}, and the push's answer tells the kiosk.
 *
 * <p>A ticket number given twice the same day is applied anyway (a customer is never turned
 * away by the back office) and logged: with number leases it should not happen.
 */
final class CheckIns {
    /** The actor of the events the server records on its own. */
    static final String SERVER_ACTOR = "server";
    private static final Logger LOG = LoggerFactory.getLogger(CheckIns.class);

    private final SiteStore sites;
    private final TicketStore tickets;
    private final TicketEventStore events;

    CheckIns(SiteStore sites, TicketStore tickets, TicketEventStore events) {
        this.sites = sites;
        this.tickets = tickets;
        this.events = events;
    }

    /**
     * Applies a check-in: the ticket, its events and its line for the live views; a changed
     * advisor is added to {@code reassigned}. Refusals come before any write but the ticket's own
     * insert, which is the last check: a rejected check-in leaves nothing behind.
     *
     * @param now   the server's time of arrival
     * @param known the ticket's {@link SiteStore#forTicket} facts, when the caller read them
     *              already in this transaction, with nothing written since that they depend on
     * @return empty when applied, else why not
     */
    Optional<String> apply(Connection c, KioskOp op, String kioskSite, Instant now, List<Change> changes,
                           List<PushResult.Reassignment> reassigned, Optional<SiteStore.ForTicket> known)
            throws SQLException {
        Ticket t = op.ticket();
        if (kioskSite != null && !kioskSite.equals(t.siteId())) {
            return Optional.of("ticket " + t.id() + " is for site " + t.siteId() + " but kiosk " + op.kioskId()
                    + " is enrolled at site " + kioskSite);
        }
        if (!t.kioskId().equals(op.kioskId())) {
            return Optional.of("ticket " + t.id() + " names kiosk " + t.kioskId() + " but its op comes from kiosk "
                    + op.kioskId());
        }
        SiteStore.ForTicket site = known.isPresent() ? known.get() : sites.forTicket(c, t);
        if (!site.siteKnown()) {
            return Optional.of("unknown site " + t.siteId() + " for ticket " + t.id());
        }
        Assignment assignment = assign(c, t, site.advisor());
        // A kiosk whose clock was never synchronised since it started may be hours off: its
        // ticket is timed by its arrival here, for the queue's order (a kiosk's own tickets keep
        // theirs through their clock stamps) and for the events the statistics read.
        Instant issuedAt = op.clockSynced() ? t.issuedAt() : now;
        Ticket assigned = withAdvisor(t, assignment.advisor().map(Advisor::id).orElse(null), issuedAt);
        if (!tickets.insert(c, assigned, op.hlc(), op.clockSynced(), now)) {
            return Optional.of("ticket " + t.id() + " was already pushed by another op");
        }
        site.numberTakenBy().ifPresent(other -> LOG.warn("ticket number {} of site {} on {} is given twice: ticket {}"
                + " has it, and now ticket {} from kiosk {} (applied anyway: a customer is never lost; with number"
                + " leases this should not happen)", t.number(), t.siteId(), t.day(), other, t.id(), op.kioskId()));
        List<TicketEvent> issued = new ArrayList<>(3);
        issued.add(TicketEvent.of(t.id(), TicketEvent.Type.ISSUED, issuedAt, t.advisorId(), op.kioskId()));
        if (t.advisorId() != null) {
            // The kiosk lights the proposed advisor's lamp as it issues the ticket.
            issued.add(TicketEvent.of(t.id(), TicketEvent.Type.LAMP_LIT, issuedAt, t.advisorId(), op.kioskId()));
        }
        if (assignment.reason().isPresent()) {
            issued.add(new TicketEvent(t.id(), TicketEvent.Type.TRANSFERRED, now, assigned.advisorId(), t.advisorId(),
                    assigned.advisorId(), SERVER_ACTOR, assignment.reason().get()));
            reassigned.add(new PushResult.Reassignment(t.id(), assigned.advisorId(), assignment.reason().get()));
        }
        events.insertWithTicket(c, t.siteId(), issued);
        changes.add(new Change.TicketChanged(t.siteId(), TicketStore.newEntry(assigned, assignment.advisor())));
        return Optional.empty();
    }

    /**
     * The advisor a check-in ends up with.
     *
     * @param advisor the advisor as on the roster; empty for nobody
     * @param reason  why the kiosk's proposal was changed; empty when it stands
     */
    private record Assignment(Optional<Advisor> advisor, Optional<String> reason) {
    }

    /**
     * The kiosk's proposal stands when it names nobody (the next free advisor takes the
     * customer) or an advisor on duty here. Otherwise one of the advisors on duty takes the
     * ticket, chosen by {@link Rendezvous}, or nobody when none is.
     */
    private Assignment assign(Connection c, Ticket t, Optional<Advisor> proposed) throws SQLException {
        if (t.advisorId() == null || proposed.map(Advisor::onDuty).orElse(false)) {
            return new Assignment(proposed, Optional.empty());
        }
        String why = proposed.isPresent()
                ? t.advisorId() + " is " + (proposed.get().duty() == Duty.OFF ? "OFF duty"
                        : "on " + proposed.get().duty())
                : t.advisorId() + " is not on the roster of site " + t.siteId();
        List<Advisor> onDuty = sites.advisors(c, t.siteId()).stream().filter(Advisor::onDuty).toList();
        Optional<String> chosen = Rendezvous.choose(t.id(), onDuty.stream().map(Advisor::id).toList());
        Optional<Advisor> advisor = chosen.flatMap(id -> onDuty.stream().filter(a -> a.id().equals(id)).findFirst());
        return new Assignment(advisor, Optional.of(advisor.isPresent() ? why : why + "; nobody is on duty"));
    }

    /** The ticket as stored: with the advisor the server settled on, timed as it decided. */
    private static Ticket withAdvisor(Ticket t, String advisorId, Instant issuedAt) {
        return Objects.equals(t.advisorId(), advisorId) && t.issuedAt().equals(issuedAt) ? t
                : new Ticket(t.id(), t.siteId(), t.kioskId(), t.day(), t.number(), t.kind(), advisorId,
                        t.appointmentId(), t.plate(), t.waitInLounge(), issuedAt, t.estimatedWaitMinutes());
    }
}
