package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import lobby.checkin.Ticket;
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
    private final Clock clock;

    PushRules(SiteStore sites, TicketStore tickets, TicketEventStore events, OpStore ops, Clock clock) {
        this.sites = sites;
        this.tickets = tickets;
        this.events = events;
        this.checkIns = new CheckIns(sites, tickets, events);
        this.ops = ops;
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

    /**
     * What a push starts from: the kiosk's progress, the data epoch for the answer, and when the
     * push opens with a check-in, that ticket's {@link SiteStore#forTicket} facts. One look-up
     * across three stores: on PostgreSQL each is a round trip inside the write lock every back
     * office shares, and most pushes are one check-in.
     *
     * <p>It runs ahead of held-back writes ({@link HeldWrites}). The epoch is not among them, nor
     * are sites and advisors ({@link SiteStore#forTicket} says what its number check may miss).
     * The progress misses only another push of the same kiosk in the same group commit; this
     * push then either takes an op that one holds, whose key is then taken (the batch runs
     * again, unheld), or answers its ops deferred, and the kiosk sends them again.
     */
    private record Start(OpStore.Progress progress, String epoch, Optional<SiteStore.ForTicket> firstCheckIn) {
    }

    private static final String START_SQL = "SELECT e.value, p.contiguous_seq, p.max_seq, f.* FROM settings e"
            + " LEFT JOIN kiosk_progress p ON p.kiosk_id = ?"
            + " LEFT JOIN (" + SiteStore.FOR_TICKET_SQL + ") f ON 1 = 1"
            + " WHERE e.name = ?";

    private static final String READ_ALL_SQL = "SELECT k.n, e.value, p.contiguous_seq, p.max_seq, f.*"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
            + " AS k (kiosk, day, number, ticket_id, advisor_id, site, n)"
            + " JOIN settings e ON e.name = ?"
            + " LEFT JOIN kiosk_progress p ON p.kiosk_id = k.kiosk"
            + " LEFT JOIN LATERAL ("
            + SiteStore.forTicketSql("k.day", "k.number", "k.ticket_id", "k.advisor_id", "k.site") + ") f ON TRUE";

    /**
     * A push's {@link Start}: read with those of the other pushes of its group commit when the
     * batch holds writes back ({@link Commits.ReadAhead}), else when the push needs it.
     */
    static final class StartRead implements Commits.ReadAhead {
        private final String kiosk;
        private final Ticket first;
        private Start start;
        private long mark = -1;

        /** @param prepared the push's ops, {@link #prepare}d */
        StartRead(String kiosk, List<Prepared> prepared) {
            this.kiosk = kiosk;
            this.first = prepared.stream().findFirst()
                    .filter(p -> p.op().type() == KioskOp.Type.CHECK_IN && p.tooLong().isEmpty())
                    .map(p -> p.op().ticket()).orElse(null);
        }

        /**
         * One query for the batch's pushes, its text the same for any number of them (so the
         * server plans it once). PostgreSQL's SQL (arrays, LATERAL): writes are held back, and
         * so read ahead, only there.
         */
        @Override
        public void readAll(Connection c, List<Commits.ReadAhead> all) throws SQLException {
            String[][] columns = new String[6][all.size()];
            for (int n = 0; n < all.size(); n++) {
                StartRead r = (StartRead) all.get(n);
                columns[0][n] = r.kiosk;
                columns[1][n] = r.first == null ? null : r.first.day().toString();
                columns[2][n] = r.first == null ? null : r.first.number();
                columns[3][n] = r.first == null ? null : r.first.id();
                columns[4][n] = r.first == null ? null : r.first.advisorId();
                columns[5][n] = r.first == null ? null : r.first.siteId();
            }
            try (PreparedStatement ps = HeldWrites.ahead(c, READ_ALL_SQL)) {
                for (int i = 0; i < columns.length; i++) {
                    ps.setArray(i + 1, c.createArrayOf("text", columns[i]));
                }
                ps.setString(columns.length + 1, EpochStore.SETTING);
                long at = HeldWrites.mark(c);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StartRead r = (StartRead) all.get(rs.getInt(1) - 1);
                        r.start = start(rs, 2, r.first);
                        r.mark = at;
                    }
                }
            }
        }

        /** The start read ahead, if nothing but held-back writes was written since; else read now. */
        Start get(Connection c) throws SQLException {
            if (start != null && HeldWrites.unchangedSince(c, mark)) {
                return start;
            }
            try (PreparedStatement ps = HeldWrites.ahead(c, START_SQL)) {
                ps.setString(1, kiosk);
                int next = SiteStore.bindForTicket(ps, 2, first);
                ps.setString(next, EpochStore.SETTING);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("the database has no data epoch; it is created when the store opens");
                    }
                    return start(rs, 1, first);
                }
            }
        }

        /** From the epoch's column on: epoch, progress (two), {@link SiteStore#forTicket(ResultSet, int)}'s. */
        private static Start start(ResultSet rs, int from, Ticket first) throws SQLException {
            OpStore.Progress progress = rs.getObject(from + 1) == null ? OpStore.Progress.NONE
                    : new OpStore.Progress(rs.getLong(from + 1), rs.getLong(from + 2));
            return new Start(progress, rs.getString(from),
                    first == null ? Optional.empty() : Optional.of(SiteStore.forTicket(rs, from + 3)));
        }
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
    PushResult apply(Connection c, PushBatch batch, List<Prepared> prepared, StartRead read, String kioskSite,
                     List<Change> changes) throws SQLException {
        Instant now = clock.instant();
        String kiosk = batch.kioskId();
        Start start = read.get(c);
        OpStore.Progress before = start.progress();
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
                // Nothing this push wrote before its first op can change the facts read for it.
                takeNext(c, p, kioskSite, now, changes, out,
                        p == prepared.get(0) ? start.firstCheckIn() : Optional.empty());
            }
        }
        if (out.contiguous != before.contiguous()) {
            ops.saveProgress(c, kiosk, new OpStore.Progress(out.contiguous, out.max));
        }
        return new PushResult(List.copyOf(out.applied), out.contiguous, out.rejected, out.deferred, out.reassigned,
                start.epoch(), now);
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
                          Outcome out, Optional<SiteStore.ForTicket> known) throws SQLException {
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
                    ? checkIns.apply(c, op, kioskSite, now, changes, out.reassigned, known)
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
