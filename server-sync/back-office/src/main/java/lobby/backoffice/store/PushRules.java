package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lobby.checkin.Advisor;
import lobby.checkin.Ticket;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;

/**
 * What a push does to the store, op by op, inside the one transaction the caller opened. An op
 * is applied at most once: a retry with the same body is reported applied again, anything
 * inconsistent is rejected with a reason the kiosk keeps for a human. Rejected ops are not
 * stored, so a later push of the same op can still succeed once its cause is fixed (a site
 * created, say); until then its seq is a gap that holds highestSeq back.
 */
final class PushRules {
    private final SiteStore sites;
    private final TicketStore tickets;
    private final TicketEventStore events;
    private final KioskEventStore kioskEvents = new KioskEventStore();
    private final OpStore ops;
    private final Clock clock;

    PushRules(SiteStore sites, TicketStore tickets, TicketEventStore events, OpStore ops, Clock clock) {
        this.sites = sites;
        this.tickets = tickets;
        this.events = events;
        this.ops = ops;
        this.clock = clock;
    }

    /** An op checked for size and fingerprinted, before the transaction. */
    record Prepared(KioskOp op, Optional<String> tooLong, String sha256) {
    }

    /**
     * The work on a batch that needs no database: size checks and fingerprints. It runs on the
     * caller's thread, outside the transaction, where pushes are checked in parallel; inside,
     * writes are serialised and every microsecond there limits the whole server's rate.
     */
    static List<Prepared> prepare(PushBatch batch) {
        List<Prepared> out = new ArrayList<>(batch.ops().size());
        for (KioskOp op : batch.ops()) {
            Optional<String> tooLong = OpLimits.problem(op);
            out.add(new Prepared(op, tooLong, tooLong.isPresent() ? null : OpDigest.sha256(op)));
        }
        return out;
    }

    /** Applies the batch's ops in order; the tickets they changed are added to {@code changes}. */
    PushResult apply(Connection c, PushBatch batch, List<Prepared> prepared, String kioskSite, List<Change> changes)
            throws SQLException {
        Set<String> applied = new LinkedHashSet<>();
        List<PushResult.Rejection> rejected = new ArrayList<>();
        long[] contiguous = {-1}; // set when an op is stored: then no look-up is needed at the end
        for (Prepared p : prepared) {
            KioskOp op = p.op();
            Optional<String> refusal = applyOne(c, batch.kioskId(), kioskSite, p, changes, contiguous);
            if (refusal.isPresent()) {
                rejected.add(new PushResult.Rejection(op.opId(), refusal.get()));
            } else {
                applied.add(op.opId());
            }
        }
        return new PushResult(List.copyOf(applied),
                contiguous[0] >= 0 ? contiguous[0] : ops.highestContiguousSeq(c, batch.kioskId()), rejected);
    }

    /** @return empty when the op is (now or already) applied, else why it was refused */
    private Optional<String> applyOne(Connection c, String batchKiosk, String kioskSite, Prepared prepared,
                                      List<Change> changes, long[] contiguous)
            throws SQLException {
        if (prepared.tooLong().isPresent()) {
            return prepared.tooLong();
        }
        KioskOp op = prepared.op();
        String sha = prepared.sha256();
        OpStore.Applied applied = new OpStore.Applied(op.opId(), op.kioskId(), op.seq(), sha);
        if (!op.kioskId().equals(batchKiosk) || !ops.tryInsert(c, applied, clock.instant())) {
            return clash(c, batchKiosk, op, sha);
        }
        Optional<String> refusal = op.type() == KioskOp.Type.CHECK_IN ? checkIn(c, prepared, kioskSite, changes)
                : event(c, op, kioskSite, changes);
        if (refusal.isPresent()) {
            ops.delete(c, op.opId()); // not stored: a later push of it may succeed once the cause is fixed
        } else {
            contiguous[0] = ops.advance(c, applied);
        }
        return refusal;
    }

    /** The op was not stored: a retry of an op applied before (fine), or a conflict. */
    private Optional<String> clash(Connection c, String batchKiosk, KioskOp op, String sha) throws SQLException {
        List<OpStore.Applied> clashes = ops.clashes(c, op.opId(), op.kioskId(), op.seq());
        Optional<OpStore.Applied> earlier = clashes.stream().filter(a -> a.opId().equals(op.opId())).findFirst();
        if (earlier.isPresent()) {
            return earlier.get().bodySha256().equals(sha)
                    ? Optional.empty()
                    : Optional.of("op " + op.opId() + " was already applied with a different body (kiosk "
                            + earlier.get().kioskId() + ", seq " + earlier.get().seq() + "); the stored one stands");
        }
        if (!op.kioskId().equals(batchKiosk)) {
            return Optional.of("op " + op.opId() + " belongs to kiosk " + op.kioskId()
                    + " but was pushed by kiosk " + batchKiosk);
        }
        Optional<OpStore.Applied> sameSeq = clashes.stream().findFirst();
        return Optional.of(sameSeq.isPresent()
                ? "seq " + op.seq() + " of kiosk " + op.kioskId() + " already holds op " + sameSeq.get().opId()
                : "op " + op.opId() + " could not be stored (kiosk " + op.kioskId() + ", seq " + op.seq() + ")");
    }

    private Optional<String> checkIn(Connection c, Prepared prepared, String kioskSite, List<Change> changes)
            throws SQLException {
        KioskOp op = prepared.op();
        Ticket t = op.ticket();
        if (kioskSite != null && !kioskSite.equals(t.siteId())) {
            return Optional.of("ticket " + t.id() + " is for site " + t.siteId() + " but kiosk " + op.kioskId()
                    + " is enrolled at site " + kioskSite);
        }
        if (!t.kioskId().equals(op.kioskId())) {
            return Optional.of("ticket " + t.id() + " names kiosk " + t.kioskId() + " but its op comes from kiosk "
                    + op.kioskId());
        }
        SiteStore.ForTicket site = sites.forTicket(c, t.siteId(), t.advisorId());
        if (!site.siteKnown()) {
            return Optional.of("unknown site " + t.siteId() + " for ticket " + t.id());
        }
        if (!tickets.insert(c, t)) {
            return Optional.of("ticket " + t.id() + " was already pushed by another op");
        }
        TicketEvent issued = TicketEvent.of(t.id(), TicketEvent.Type.ISSUED, t.issuedAt(), t.advisorId(), op.kioskId());
        // The kiosk lights the assigned advisor's lamp as it issues the ticket.
        events.insert(c, t.siteId(), t.advisorId() == null ? List.of(issued) : List.of(issued,
                TicketEvent.of(t.id(), TicketEvent.Type.LAMP_LIT, t.issuedAt(), t.advisorId(), op.kioskId())));
        changes.add(new Change.TicketChanged(t.siteId(), TicketStore.newEntry(t, site.advisor())));
        return Optional.empty();
    }

    private void changed(Connection c, String site, String ticketId, List<Change> changes) throws SQLException {
        tickets.entry(c, ticketId).ifPresent(e -> changes.add(new Change.TicketChanged(site, e)));
    }

    /** Events about a ticket must follow its check-in, which the kiosk's seq order guarantees. */
    private Optional<String> event(Connection c, KioskOp op, String kioskSite, List<Change> changes)
            throws SQLException {
        Optional<String> site;
        if (op.ticketId() != null) {
            site = tickets.siteOf(c, op.ticketId());
            if (site.isEmpty()) {
                return Optional.of(op.type() + " op " + op.opId() + " names unknown ticket " + op.ticketId());
            }
        } else {
            site = kioskEvents.siteOfKiosk(c, op.kioskId());
            if (site.isEmpty()) {
                return Optional.of(op.type() + " op " + op.opId() + " from kiosk " + op.kioskId()
                        + ", which has checked nobody in yet");
            }
        }
        if (kioskSite != null && !kioskSite.equals(site.get())) {
            return Optional.of(op.type() + " op " + op.opId() + " is about site " + site.get() + " but kiosk "
                    + op.kioskId() + " is enrolled at site " + kioskSite);
        }
        kioskEvents.record(c, site.get(), op);
        Instant at = op.at() == null ? clock.instant() : op.at();
        for (String ticketId : concerned(c, site.get(), op, at)) {
            TicketEvent.Type type = switch (op.type()) {
                case PRINT_FAILED -> TicketEvent.Type.PRINT_FAILED;
                case LAMP_ACKNOWLEDGED -> TicketEvent.Type.ACKNOWLEDGED;
                case LAMP_ESCALATED -> TicketEvent.Type.LAMP_ESCALATED;
                case CHECK_IN -> throw new IllegalArgumentException("a check-in is not a ticket event");
            };
            String owner = tickets.row(c, ticketId).map(TicketStore.Row::advisorId).orElse(null);
            events.insert(c, site.get(), new TicketEvent(ticketId, type, at, owner, null, null, op.kioskId(),
                    op.detail()));
            changed(c, site.get(), ticketId, changes);
        }
        return Optional.empty();
    }

    /**
     * The tickets a kiosk event is about: the one it names, or for a lamp event without one,
     * the tickets whose lamp is lit at the desk it names (detail), that is, its advisor's.
     */
    private List<String> concerned(Connection c, String site, KioskOp op, Instant at) throws SQLException {
        if (op.ticketId() != null) {
            return List.of(op.ticketId());
        }
        if (op.type() == KioskOp.Type.PRINT_FAILED || op.detail() == null || !op.detail().strip().matches("\\d{1,4}")) {
            return List.of();
        }
        int desk = Integer.parseInt(op.detail().strip());
        Optional<Advisor> advisor = sites.advisors(c, site).stream().filter(a -> a.desk() == desk).findFirst();
        return advisor.isEmpty() ? List.of()
                : tickets.unacknowledged(c, site, LocalDate.ofInstant(at, clock.getZone()), advisor.get().id(), at);
    }
}
