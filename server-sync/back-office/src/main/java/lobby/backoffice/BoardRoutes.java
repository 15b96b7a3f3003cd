package lobby.backoffice;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Role;
import lobby.backoffice.store.ServerStore;

/** The lobby board: numbers being called with their desks, how many wait and for how long. */
final class BoardRoutes {
    private final ServerStore store;

    BoardRoutes(ServerStore store) {
        this.store = store;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/sites/{site}/board", this::board, Role.DISPLAY, Role.ADVISOR, Role.MANAGER, Role.ADMIN,
                Role.KIOSK);
    }

    private void board(Context ctx) {
        String site = Requests.id(ctx, "site");
        Guard.principal(ctx).requireSite(site);
        ctx.json(store.lobby().board(site, store.today()).orElseThrow(() -> new NotFoundResponse("unknown site " + site)));
    }
}
