package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Principal;
import lobby.backoffice.access.RateLimit;
import lobby.backoffice.access.Role;
import lobby.backoffice.store.ServerStore;
import lobby.sync.PushBatch;
import lobby.sync.PushResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where kiosks deliver their outbox. The answer is sent only after the batch is committed, so
 * an op the answer lists as applied survives a crash of the back office.
 */
final class SyncRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRoutes.class);

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
}
