package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lobby.checkin.Advisor;
import lobby.sync.KioskOp;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;

/**
 * What a push does to the store, op by op in seq order, inside the one transaction the caller
 * opened.
 *
 * <p>A kiosk's ops are taken without gaps: an op is looked at only once every lower seq of its
 * kiosk has been, so the server's queue is always a prefix of each kiosk's outbox. An op past a
 * gap is deferred (neither applied nor rejected); the kiosk sends it again after the missing
 * one. Each op is decided once: applied, or rejected with a reason the kiosk keeps for a human.
 * Both are stored, so a rejected op's seq counts as received and the outbox moves on, and a
 * retry of the same op (same body) gets the same answer. A different body under a known op id
 * is refused and changes nothing.
 *
 * <p>Check-ins are {@link CheckIns}' to apply; the other ops are kiosk events about tickets.
 */
final class PushRules {
    private final SiteStore sites;
    private final TicketStore tickets;
    private final TicketEventStore events;
    private final CheckIns checkIns;
    private final KioskEventStore kioskEvents = new KioskEventStore();
    private final OpStore ops;
    private final EpochStore epochs;
    private final Clock clock;

    PushRules(SiteStore sites, TicketStore tickets, TicketEventStore events, OpStore ops, EpochStore epochs,
              Clock clock) {
        this.sites = sites;
        this.tickets = tickets;
        this.events = events;
        this.checkIns = new CheckIns(sites, tickets, events);
        this.ops = ops;
        this.epochs = epochs;
        this.clock = clock;
    }

    /** An op checked for size and fingerprinted, before the transaction. */
    record Prepared(KioskOp op, Optional<String> tooLong, String sha256) {
    }

    /**
     * The work on a batch that needs no database: the ops in seq order, size checks and
     * fingerprints. It runs on the caller's thread, outside the transaction, where pushes are
     * checked in parallel; inside, writes are serialised and every microsecond there limits the
     * whole server's rate. An over-long op is fingerprinted too: its retry must be told from
     * another op with its id.
     */
    static List<Prepared> prepare(PushBatch batch) {
        List<KioskOp> inOrder = new ArrayList<>(batch.ops());
        inOrder.sort(Comparator.comparingLong(KioskOp::seq)); // stable: a repeated op stays after its first copy
        List<Prepared> out = new ArrayList<>(inOrder.size());
        for (KioskOp op : inOrder) {
            out.add(new Prepared(op, OpLimits.problem(op), OpDigest.sha256(op)));
        }
        return out;
    }

    /** What one push comes to, gathered op by op. */
    private static final class Outcome {
        final Set<String> applied = new LinkedHashSet<>();
        final List<PushResult.Rejection> rejected = new ArrayList<>();
        final List<String> deferred = new ArrayList<>();
        final List<PushResult.Reassignment> reassigned = new ArrayList<>();
        long contiguous;
        long max;

        Outcome(OpStore.Progress progress) {
            contiguous = progress.contiguous();
            max = progress.max();
        }

        void reject(KioskOp op, String reason) {
            rejected.add(new PushResult.Rejection(op.opId(), reason));
        }
    }

    /**
     * Applies the batch's ops ({@link #prepare}d: in seq order); the tickets they changed are
     * added to {@code changes}.
     */
    PushResult apply(Connection c, PushBatch batch, List<Prepared> prepared, String kioskSite, List<Change> changes)
            throws SQLException {
        Instant now = clock.instant();
        String kiosk = batch.kioskId();
        OpStore.Progress before = ops.progress(c, kiosk);
        Outcome out = new Outcome(before);
        for (Prepared p : prepared) {
            KioskOp op = p.op();
            if (!op.kioskId().equals(kiosk)) {
                // Not stored: the seq is the other kiosk's to fill.
                out.reject(op, "op " + OpLimits.abbreviate(op.opId()) + " belongs to kiosk "
                        + OpLimits.abbreviate(op.kioskId()) + " but was pushed by kiosk " + kiosk);
            } else if (op.seq() > out.contiguous + 1) {
                out.deferred.add(op.opId());
            } else if (op.seq() <= out.contiguous) {
                // Decided before: a retry gets the stored answer; anything else is refused and changes nothing.
                earlierAnswer(c, p).ifPresentOrElse(why -> out.reject(op, why), () -> out.applied.add(op.opId()));
            } else {
                takeNext(c, p, kioskSite, now, changes, out);
            }
        }
        if (out.contiguous != before.contiguous()) {
            ops.saveProgress(c, kiosk, new OpStore.Progress(out.contiguous, out.max));
        }
        return new PushResult(List.copyOf(out.applied), out.contiguous, out.rejected, out.deferred, out.reassigned,
                epochs.current(c), now);
    }

    /**
     * What was decided about an op before: empty when it was applied, else the refusal (the
     * stored reason of a rejected op, or why this op is not the stored one).
     */
    private Optional<String> earlierAnswer(Connection c, Prepared p) throws SQLException {
        KioskOp op = p.op();
        String key = OpStore.key(op.opId());
        List<OpStore.Applied> clashes = ops.clashes(c, key, op.kioskId(), op.seq());
        Optional<OpStore.Applied> sameId = clashes.stream().filter(a -> a.opId().equals(key)).findFirst();
        if (sameId.isPresent()) {
            OpStore.Applied earlier = sameId.get();
            if (!earlier.bodySha256().equals(p.sha256())) {
                return Optional.of("op " + OpLimits.abbreviate(op.opId()) + " was already received with a different"
                        + " body (kiosk " + earlier.kioskId() + ", seq " + earlier.seq() + "); the stored one stands");
            }
            return Optional.ofNullable(earlier.rejection());
        }
        Optional<OpStore.Applied> sameSeq = clashes.stream().findFirst();
        return Optional.of(sameSeq.isPresent()
                ? "seq " + op.seq() + " of kiosk " + op.kioskId() + " already holds op " + sameSeq.get().opId()
                : "op " + OpLimits.abbreviate(op.opId()) + " could not be found (kiosk " + op.kioskId() + ", seq "
                        + op.seq() + ")");
    }

    /** The op the kiosk's seqs wait for: stored, then applied or rejected for good. */
    private void takeNext(Connection c, Prepared p, String kioskSite, Instant now, List<Change> changes,
                          Outcome out) throws SQLException {
        KioskOp op = p.op();
        String key = OpStore.key(op.opId());
        OpStore.Applied row = new OpStore.Applied(key, op.kioskId(), op.seq(), p.sha256(), p.tooLong().orElse(null));
        if (!ops.tryInsert(c, row, now)) {
            // Its id is another op's, at another seq (a kiosk's bug): refused for good, and stored
            // under a key of its own so that its seq counts as received and the outbox moves on.
            Optional<String> refusal = earlierAnswer(c, p);
            if (refusal.isPresent()) {
                ops.tryInsert(c, new OpStore.Applied(OpStore.seqKey(op.kioskId(), op.seq()), op.kioskId(), op.seq(),
                        p.sha256(), refusal.get()), now);
                out.reject(op, refusal.get());
            } else {
                out.applied.add(op.opId()); // stored already: the kiosk's progress was behind its ops
            }
            advance(c, op, out);
            return;
        }
        if (p.tooLong().isPresent()) {
            out.reject(op, p.tooLong().get());
        } else {
            Optional<String> refusal = op.type() == KioskOp.Type.CHECK_IN
                    ? checkIns.apply(c, op, kioskSite, now, changes, out.reassigned)
                    : event(c, op, kioskSite, now, changes);
            if (refusal.isPresent()) {
                ops.reject(c, key, refusal.get());
                out.reject(op, refusal.get());
            } else {
                out.applied.add(op.opId());
            }
        }
        advance(c, op, out);
    }

    /**
     * The op's seq is now the contiguous one. Ops stored early behind a gap exist only in data
     * from before V7 (max above contiguous); only then is a look-up needed.
     */
    private void advance(Connection c, KioskOp op, Outcome out) throws SQLException {
        out.contiguous = op.seq();
        while (out.max > out.contiguous && ops.bySeq(c, op.kioskId(), out.contiguous + 1).isPresent()) {
            out.contiguous++;
        }
        out.max = Math.max(out.max, out.contiguous);
    }

    private void changed(Connection c, String site, String ticketId, List<Change> changes) throws SQLException {
        tickets.entry(c, ticketId).ifPresent(e -> changes.add(new Change.TicketChanged(site, e)));
    }

    /** Events about a ticket follow its check-in, which the kiosk's gapless seq order guarantees. */
    private Optional<String> event(Connection c, KioskOp op, String kioskSite, Instant now, List<Change> changes)
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
        // Which lamps a desk's button answered is decided on the kiosk's clock, the one its tickets
        // were issued by; the event is timed by this server's when the kiosk's was never synchronised.
        Instant kioskAt = op.at() == null ? now : op.at();
        Instant at = op.clockSynced() ? kioskAt : now;
        for (String ticketId : concerned(c, site.get(), op, kioskAt)) {
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
