package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
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

    SyncRoutes(ServerStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/sync/push", this::push);
    }

    private void push(Context ctx) {
        PushBatch batch = JsonBody.read(ctx, mapper, PushBatch.class);
        if (batch.kioskId() == null || batch.kioskId().isBlank()) {
            throw new BadRequestResponse("kioskId is missing");
        }
        if (batch.ops().size() > PushBatch.MAX_OPS) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "a push holds at most "
                    + PushBatch.MAX_OPS + " ops, this one " + batch.ops().size() + "; send the rest in the next batch");
        }
        PushResult result = store.push(batch);
        // The kiosk keeps rejected ops for a human; the log is where the back office's human looks.
        for (PushResult.Rejection r : result.rejected()) {
            LOG.warn("kiosk {}: op {} rejected: {}", batch.kioskId(), r.opId(), r.reason());
        }
        ctx.json(result);
    }
}
