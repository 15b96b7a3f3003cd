package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final OpStore ops;
    private final Clock clock;

    PushRules(SiteStore sites, TicketStore tickets, OpStore ops, Clock clock) {
        this.sites = sites;
        this.tickets = tickets;
        this.ops = ops;
        this.clock = clock;
    }

    PushResult apply(Connection c, PushBatch batch) throws SQLException {
        Set<String> applied = new LinkedHashSet<>();
        List<PushResult.Rejection> rejected = new ArrayList<>();
        for (KioskOp op : batch.ops()) {
            Optional<String> refusal = applyOne(c, batch.kioskId(), op);
            if (refusal.isPresent()) {
                rejected.add(new PushResult.Rejection(op.opId(), refusal.get()));
            } else {
                applied.add(op.opId());
            }
        }
        return new PushResult(List.copyOf(applied), ops.highestContiguousSeq(c, batch.kioskId()), rejected);
    }

    /** @return empty when the op is (now or already) applied, else why it was refused */
    private Optional<String> applyOne(Connection c, String batchKiosk, KioskOp op) throws SQLException {
        String sha = OpDigest.sha256(op);
        Optional<OpStore.Applied> earlier = ops.byId(c, op.opId());
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
        Optional<OpStore.Applied> sameSeq = ops.bySeq(c, op.kioskId(), op.seq());
        if (sameSeq.isPresent()) {
            return Optional.of("seq " + op.seq() + " of kiosk " + op.kioskId() + " already holds op "
                    + sameSeq.get().opId());
        }
        Optional<String> refusal = op.type() == KioskOp.Type.CHECK_IN ? checkIn(c, op) : event(c, op);
        if (refusal.isEmpty()) {
            ops.insert(c, new OpStore.Applied(op.opId(), op.kioskId(), op.seq(), sha), clock.instant());
        }
        return refusal;
    }

    private Optional<String> checkIn(Connection c, KioskOp op) throws SQLException {
        Ticket t = op.ticket();
        if (!t.kioskId().equals(op.kioskId())) {
            return Optional.of("ticket " + t.id() + " names kiosk " + t.kioskId() + " but its op comes from kiosk "
                    + op.kioskId());
        }
        if (sites.site(c, t.siteId()).isEmpty()) {
            return Optional.of("unknown site " + t.siteId() + " for ticket " + t.id());
        }
        if (tickets.exists(c, t.id())) {
            return Optional.of("ticket " + t.id() + " was already pushed by another op");
        }
        tickets.insert(c, t);
        return Optional.empty();
    }

    /** Events about a ticket must follow its check-in, which the kiosk's seq order guarantees. */
    private Optional<String> event(Connection c, KioskOp op) throws SQLException {
        Optional<String> site;
        if (op.ticketId() != null) {
            site = tickets.siteOf(c, op.ticketId());
            if (site.isEmpty()) {
                return Optional.of(op.type() + " op " + op.opId() + " names unknown ticket " + op.ticketId());
            }
        } else {
            site = tickets.siteOfKiosk(c, op.kioskId());
            if (site.isEmpty()) {
                return Optional.of(op.type() + " op " + op.opId() + " from kiosk " + op.kioskId()
                        + ", which has checked nobody in yet");
            }
        }
        tickets.recordEvent(c, site.get(), op);
        return Optional.empty();
    }
}
