package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Principal;
import lobby.backoffice.access.RateLimit;
import lobby.backoffice.access.Role;
import lobby.backoffice.store.NumberLeases;
import lobby.backoffice.store.ServerStore;
import lobby.sync.NumberLease;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where kiosks deliver their outbox, and get blocks of ticket numbers to give out offline. The
 * answer to a push is sent only after the batch is committed, so an op the answer lists as
 * applied (or rejected) survives a crash of the back office.
 */
final class SyncRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRoutes.class);
    /** The series in the order messages list them. */
    private static final List<String> SERIES = NumberLeases.SERIES.stream().sorted().toList();

    private final ServerStore store;
    private final ObjectMapper mapper;
    private final RateLimit perKiosk;

    SyncRoutes(ServerStore store, ObjectMapper mapper, RateLimit perKiosk) {
        this.store = store;
        this.mapper = mapper;
        this.perKiosk = perKiosk;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/sync/push", this::push, Role.KIOSK);
        routes.post("/api/sync/leases", this::leases, Role.KIOSK);
    }

    /** A kiosk pushes its own ops only, for its own site (the token says which). */
    private void push(Context ctx) {
        Principal kiosk = Guard.principal(ctx);
        Requests.limit(ctx, perKiosk, "kiosk:" + kiosk.username(), "kiosk " + kiosk.username());
        PushBatch batch = JsonBody.read(ctx, mapper, PushBatch.class);
        if (batch.kioskId() == null || batch.kioskId().isBlank()) {
            throw new BadRequestResponse("kioskId is missing");
        }
        if (!batch.kioskId().equals(kiosk.username())) {
            throw new ForbiddenResponse("the token is kiosk " + kiosk.username() + "'s; it cannot push for kiosk "
                    + Requests.optionalText(batch.kioskId(), "kioskId", Requests.MAX_ID_CHARS));
        }
        if (batch.ops().size() > PushBatch.MAX_OPS) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "a push holds at most "
                    + PushBatch.MAX_OPS + " ops, this one " + batch.ops().size() + "; send the rest in the next batch");
        }
        PushResult result = store.push(batch, kiosk.siteId());
        // The kiosk keeps rejected ops for a human; the log is where the back office's human looks.
        for (PushResult.Rejection r : result.rejected()) {
            LOG.warn("kiosk {}: op {} rejected: {}", batch.kioskId(), r.opId(), r.reason());
        }
        ctx.json(result);
    }

    /**
     * A kiosk leases numbers for itself, at its own site, for the server's today or a day either
     * side (a kiosk near midnight, or one whose clock is a little off, asks for its own today).
     */
    private void leases(Context ctx) {
        Principal kiosk = Guard.principal(ctx);
        Requests.limit(ctx, perKiosk, "kiosk:" + kiosk.username(), "kiosk " + kiosk.username());
        NumberLease.Request in = JsonBody.read(ctx, mapper, NumberLease.Request.class);
        String kioskId = Requests.id(in.kioskId(), "kioskId");
        if (!kioskId.equals(kiosk.username())) {
            throw new ForbiddenResponse("the token is kiosk " + kiosk.username() + "'s; it cannot lease numbers for"
                    + " kiosk " + kioskId);
        }
        LocalDate today = store.today();
        if (in.day() == null) {
            throw new BadRequestResponse("day is missing");
        }
        if (in.day().isBefore(today.minusDays(1)) || in.day().isAfter(today.plusDays(1))) {
            throw new BadRequestResponse("numbers are leased for the server's today (" + today + ") or a day either"
                    + " side, not for " + in.day());
        }
        if (in.series() == null || in.series().isEmpty()) {
            throw new BadRequestResponse("series is missing: name one or more of " + SERIES);
        }
        if (in.series().size() > NumberLeases.SERIES.size()) {
            throw new BadRequestResponse("series lists " + in.series().size() + " entries; there are only "
                    + NumberLeases.SERIES.size() + ": " + SERIES);
        }
        Set<String> seen = new HashSet<>();
        for (String s : in.series()) {
            if (s == null || !NumberLeases.SERIES.contains(s)) {
                throw new BadRequestResponse("series must each be one of " + SERIES + ", was "
                        + (s == null ? "null" : "\"" + Requests.optionalText(s, "series", Requests.MAX_ID_CHARS) + "\""));
            }
            if (!seen.add(s)) {
                throw new BadRequestResponse("series lists " + s + " twice");
            }
        }
        if (in.size() < 1 || in.size() > NumberLeases.MAX_BLOCK) {
            throw new BadRequestResponse("size must be 1-" + NumberLeases.MAX_BLOCK + ", was " + in.size());
        }
        ctx.json(Requests.value(store.leases().lease(kiosk.siteId(), kioskId, in.day(), in.series(), in.size())));
    }
}
