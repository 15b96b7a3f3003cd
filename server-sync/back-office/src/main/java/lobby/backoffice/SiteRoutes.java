package lobby.backoffice;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Role;
import lobby.backoffice.store.ServerStore;

/**
 * What a kiosk reads about its site: the snapshot it checks people in from while offline, and
 * the site-wide queue. Both are for the server's today unless {@code ?day=YYYY-MM-DD} says otherwise.
 */
final class SiteRoutes {
    private final ServerStore store;

    SiteRoutes(ServerStore store) {
        this.store = store;
    }

    void register(RoutesConfig routes) {
        // The snapshot holds the site's QR signing key: kiosks and admins only.
        routes.get("/api/sites/{site}/snapshot", this::snapshot, Role.KIOSK, Role.ADMIN);
        routes.get("/api/sites/{site}/queue", this::queue, Role.KIOSK, Role.ADVISOR, Role.MANAGER, Role.ADMIN);
    }

    private void snapshot(Context ctx) {
        String site = Requests.id(ctx, "site");
        Guard.principal(ctx).requireSite(site);
        ctx.json(store.snapshot(site, day(ctx)).orElseThrow(() -> unknown(site)));
    }

    private void queue(Context ctx) {
        String site = Requests.id(ctx, "site");
        Guard.principal(ctx).requireSite(site);
        ctx.json(store.queue(site, day(ctx)).orElseThrow(() -> unknown(site)));
    }

    private LocalDate day(Context ctx) {
        String day = ctx.queryParam("day");
        if (day == null || day.isBlank()) {
            return store.today();
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("day must be YYYY-MM-DD, was \"" + day + "\"");
        }
    }

    private static NotFoundResponse unknown(String site) {
        return new NotFoundResponse("unknown site " + site);
    }
}
