package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import lobby.sync.QueueEntry;

/**
 * The advisor console's actions: acknowledge, call, recall, transfer, start, done, no-show,
 * cancel; call-next; duty. Each is one transaction that checks the rules ({@link TicketRules}),
 * records the event with the server's time and hands the changed queue line to the live views.
 */
public final class QueueDesk {
    private final Database db;
    private final Commits commits;
    private final SiteStore sites;
    private final TicketStore tickets;
    private final TicketEventStore events;
    private final Clock clock;

    QueueDesk(Database db, Commits commits, SiteStore sites, TicketStore tickets, TicketEventStore events, Clock clock) {
        this.db = db;
        this.commits = commits;
        this.sites = sites;
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
    }

    public Result<QueueEntry> acknowledge(String ticketId, Actor actor) {
        return act(ticketId, TicketRules.Action.ACKNOWLEDGE, actor);
    }

    public Result<QueueEntry> call(String ticketId, Actor actor) {
        return act(ticketId, TicketRules.Action.CALL, actor);
    }

    public Result<QueueEntry> recall(String ticketId, Actor actor) {
        return act(ticketId, TicketRules.Action.RECALL, actor);
    }

    public Result<QueueEntry> start(String ticketId, Actor actor) {
        return act(ticketId, TicketRules.Action.START, actor);
    }

    public Result<QueueEntry> done(String ticketId, Actor actor) {
        return act(ticketId, TicketRules.Action.DONE, actor);
    }

    public Result<QueueEntry> noShow(String ticketId, Actor actor) {
        return act(ticketId, TicketRules.Action.NO_SHOW, actor);
    }

    public Result<QueueEntry> cancel(String ticketId, Actor actor) {
        return act(ticketId, TicketRules.Action.CANCEL, actor);
    }

    private Result<QueueEntry> act(String ticketId, TicketRules.Action action, Actor actor) {
        return commits.write(action.verb + " ticket " + ticketId + " by " + actor.name(),
                (c, changes) -> act(c, changes, ticketId, action, actor, null));
    }

    /** Hands the ticket to another advisor of its site, who owns it from then on; recorded with both names. */
    public Result<QueueEntry> transfer(String ticketId, String toAdvisorId, Actor actor) {
        return commits.write("transfer ticket " + ticketId + " to " + toAdvisorId + " by " + actor.name(),
                (c, changes) -> act(c, changes, ticketId, TicketRules.Action.TRANSFER, actor, toAdvisorId));
    }

    /** Calls the advisor's next customer: their own waiting tickets and nobody's, urgent first, then by arrival. */
    public Result<QueueEntry> callNext(String site, Actor actor) {
        if (actor.advisorId() == null) {
            return Result.refused(Result.Why.FORBIDDEN, "call-next is for advisors; " + actor.name()
                    + " is not one (call a ticket by its id instead)");
        }
        return commits.write("call-next for " + actor.advisorId() + " at site " + site, (c, changes) -> {
            if (!actor.worksAt(site) || sites.advisor(c, site, actor.advisorId()).isEmpty()) {
                return Result.<QueueEntry>refused(Result.Why.NOT_FOUND, "no advisor " + actor.advisorId()
                        + " at site " + site);
            }
            List<String> waiting = tickets.waiting(c, site, LocalDate.now(clock), actor.advisorId(), true);
            if (waiting.isEmpty()) {
                return Result.<QueueEntry>refused(Result.Why.NOT_FOUND, "nobody waiting for " + actor.advisorId()
                        + " at site " + site + " today");
            }
            return act(c, changes, waiting.get(0), TicketRules.Action.CALL, actor, null);
        });
    }

    private Result<QueueEntry> act(Connection c, List<Change> changes, String ticketId, TicketRules.Action action,
                                   Actor actor, String toAdvisorId) throws SQLException {
        Optional<TicketStore.Row> found = tickets.row(c, ticketId);
        if (found.isEmpty()) {
            return Result.refused(Result.Why.NOT_FOUND, "unknown ticket " + ticketId);
        }
        TicketStore.Row t = found.get();
        if (!actor.worksAt(t.site())) {
            return Result.refused(Result.Why.FORBIDDEN, "ticket " + t.number() + " is at site " + t.site()
                    + "; " + actor.name() + " works at " + actor.siteId());
        }
        Optional<String> refusal = TicketRules.forbidden(actor, action, t.number(), t.advisorId());
        if (refusal.isPresent()) {
            return Result.refused(Result.Why.FORBIDDEN, refusal.get());
        }
        refusal = TicketRules.conflict(action, t.number(), t.status());
        if (refusal.isPresent()) {
            return Result.refused(Result.Why.CONFLICT, refusal.get());
        }
        String owner = t.advisorId() == null && action.takesOwnership() && actor.advisorId() != null
                ? actor.advisorId() : t.advisorId();
        TicketEvent event = TicketEvent.of(t.id(), action.event, clock.instant(), owner, actor.name());
        Advisor desk = null;
        if (action == TicketRules.Action.TRANSFER) {
            Optional<Advisor> to = sites.advisor(c, t.site(), toAdvisorId);
            if (to.isEmpty()) {
                return Result.refused(Result.Why.NOT_FOUND, "no advisor " + toAdvisorId + " at site " + t.site());
            }
            if (to.get().id().equals(t.advisorId())) {
                return Result.refused(Result.Why.CONFLICT, "ticket " + t.number() + " already belongs to " + toAdvisorId);
            }
            owner = toAdvisorId;
            event = new TicketEvent(t.id(), action.event, event.at(), owner, t.advisorId(), owner, actor.name(), null);
        } else if (action == TicketRules.Action.CALL || action == TicketRules.Action.RECALL) {
            desk = owner == null ? null : sites.advisor(c, t.site(), owner).orElse(null);
            if (desk == null) {
                return Result.refused(Result.Why.CONFLICT, "ticket " + t.number() + " has no advisor on the roster"
                        + " to call it to a desk; transfer it to one first");
            }
        }
        tickets.update(c, t.id(), action.after(t.status()), owner, desk == null ? null : event.at());
        events.insert(c, t.site(), event);
        QueueEntry entry = tickets.entry(c, t.id()).orElseThrow(
                () -> new SQLException("ticket " + t.id() + " vanished while it was being updated"));
        changes.add(new Change.TicketChanged(t.site(), entry));
        if (desk != null) {
            changes.add(new Change.TicketCalled(t.site(), t.id(), t.number(), desk.desk(),
                    action == TicketRules.Action.RECALL));
        }
        return Result.ok(entry);
    }

    /**
     * Sets an advisor on duty, on a break, at lunch or off. Advisors set their own; a manager
     * anyone's. Refused when it would leave nobody on duty: the counter is never left empty.
     */
    public Result<Advisor> setDuty(String site, String advisorId, Duty duty, Actor actor) {
        return commits.write("set " + advisorId + " " + duty + " at site " + site, (c, changes) -> {
            List<Advisor> roster = sites.advisors(c, site);
            Optional<Advisor> found = roster.stream().filter(a -> a.id().equals(advisorId)).findFirst();
            if (!actor.worksAt(site) || found.isEmpty()) {
                return Result.<Advisor>refused(Result.Why.NOT_FOUND, "no advisor " + advisorId + " at site " + site);
            }
            if (!actor.manager() && !advisorId.equals(actor.advisorId())) {
                return Result.<Advisor>refused(Result.Why.FORBIDDEN, actor.name() + " may set only their own duty,"
                        + " not " + advisorId + "'s; a manager may set anyone's");
            }
            long onDuty = roster.stream().filter(Advisor::onDuty).count();
            if (found.get().onDuty() && duty != Duty.ON_DUTY && onDuty == 1) {
                return Result.<Advisor>refused(Result.Why.CONFLICT, advisorId + " is the last advisor on duty at site "
                        + site + "; someone else must come on duty first (the counter is never left empty)");
            }
            sites.setDuty(c, site, advisorId, duty);
            Advisor a = found.get();
            Advisor now = new Advisor(a.id(), a.name(), a.desk(), a.lampPin(), duty);
            changes.add(new Change.AdvisorChanged(site, now));
            return Result.ok(now);
        });
    }

    /** @return empty for an unknown site */
    public Optional<List<Advisor>> advisors(String site) {
        return db.read("reading the advisors of site " + site,
                c -> sites.site(c, site).isEmpty() ? Optional.empty() : Optional.of(sites.advisors(c, site)));
    }

    /** The ticket's site, to check who may see it; empty for an unknown ticket. */
    public Optional<String> siteOf(String ticketId) {
        return db.read("finding the site of ticket " + ticketId, c -> tickets.siteOf(c, ticketId));
    }

    /** @return empty for an unknown ticket; else its events in order */
    public Optional<List<TicketEvent>> events(String ticketId) {
        return db.read("reading the events of ticket " + ticketId, c -> tickets.exists(c, ticketId)
                ? Optional.of(events.forTicket(c, ticketId)) : Optional.empty());
    }
}
