package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.function.BiFunction;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Principal;
import lobby.backoffice.access.Role;
import lobby.backoffice.store.Actor;
import lobby.backoffice.store.QueueDesk;
import lobby.backoffice.store.Result;
import lobby.backoffice.store.ServerStore;
import lobby.sync.QueueEntry;

/**
 * A ticket's life at the advisor's desk: each action answers the updated queue line, or 409
 * when the ticket's status does not allow it (a status only moves forward). Also the ticket's
 * public status (the customer's page, by the unguessable ticket id) and its event history.
 */
final class TicketRoutes {
    record Transfer(String toAdvisorId) {
    }

    private final ServerStore store;
    private final ObjectMapper mapper;

    TicketRoutes(ServerStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        QueueDesk desk = store.desk();
        action(routes, "acknowledge", desk::acknowledge);
        action(routes, "call", desk::call);
        action(routes, "recall", desk::recall);
        action(routes, "start", desk::start);
        action(routes, "done", desk::done);
        action(routes, "no-show", desk::noShow);
        action(routes, "cancel", desk::cancel);
        routes.post("/api/tickets/{id}/transfer", this::transfer, Role.ADVISOR, Role.MANAGER);
        routes.get("/api/tickets/{id}/status", this::status, Role.ANYONE);
        routes.get("/api/tickets/{id}/events", this::events, Role.ADVISOR, Role.MANAGER, Role.ADMIN);
    }

    private static void action(RoutesConfig routes, String name, BiFunction<String, Actor, Result<QueueEntry>> act) {
        routes.post("/api/tickets/{id}/" + name,
                ctx -> ctx.json(Requests.value(act.apply(Requests.id(ctx, "id"), Guard.principal(ctx).actor()))),
                Role.ADVISOR, Role.MANAGER);
    }

    private void transfer(Context ctx) {
        String id = Requests.id(ctx, "id");
        Transfer in = JsonBody.read(ctx, mapper, Transfer.class);
        String to = Requests.id(in.toAdvisorId(), "toAdvisorId");
        ctx.json(Requests.value(store.desk().transfer(id, to, Guard.principal(ctx).actor())));
    }

    /** Public: anyone with the ticket's id (from its QR code) sees its progress, masked. */
    private void status(Context ctx) {
        String id = Requests.id(ctx, "id");
        ctx.json(store.lobby().progress(id).orElseThrow(() -> new NotFoundResponse("unknown ticket " + id)));
    }

    private void events(Context ctx) {
        String id = Requests.id(ctx, "id");
        Principal p = Guard.principal(ctx);
        String site = store.desk().siteOf(id).orElseThrow(() -> new NotFoundResponse("unknown ticket " + id));
        p.requireSite(site);
        ctx.json(store.desk().events(id).orElseThrow(() -> new NotFoundResponse("unknown ticket " + id)));
    }
}
