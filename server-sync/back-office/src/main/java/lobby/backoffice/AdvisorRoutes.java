package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Principal;
import lobby.backoffice.access.Role;
import lobby.backoffice.store.ServerStore;
import lobby.checkin.Duty;

/** The roster: who is at which desk and on duty; call-next for the logged-in advisor; duty changes. */
final class AdvisorRoutes {
    /** "me" in a path stands for the logged-in advisor. */
    static final String ME = "me";

    record DutyChange(Duty duty) {
    }

    private final ServerStore store;
    private final ObjectMapper mapper;

    AdvisorRoutes(ServerStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/sites/{site}/advisors", this::advisors, Role.ADVISOR, Role.MANAGER, Role.ADMIN, Role.DISPLAY,
                Role.KIOSK);
        routes.post("/api/advisors/me/call-next", this::callNext, Role.ADVISOR);
        routes.post("/api/advisors/{id}/duty", this::duty, Role.ADVISOR, Role.MANAGER);
    }

    private void advisors(Context ctx) {
        String site = Requests.id(ctx, "site");
        Guard.principal(ctx).requireSite(site);
        ctx.json(store.desk().advisors(site).orElseThrow(() -> new NotFoundResponse("unknown site " + site)));
    }

    private void callNext(Context ctx) {
        Principal p = Guard.principal(ctx);
        ctx.json(Requests.value(store.desk().callNext(site(ctx, p), p.actor())));
    }

    private void duty(Context ctx) {
        Principal p = Guard.principal(ctx);
        String id = Requests.id(ctx, "id");
        if (id.equals(ME)) {
            if (p.advisorId() == null) {
                throw new BadRequestResponse(p.username() + " is not an advisor; name the advisor instead of \"me\"");
            }
            id = p.advisorId();
        }
        DutyChange in = JsonBody.read(ctx, mapper, DutyChange.class);
        if (in.duty() == null) {
            throw new BadRequestResponse("duty is missing: one of ON_DUTY, BREAK, LUNCH, OFF");
        }
        ctx.json(Requests.value(store.desk().setDuty(site(ctx, p), id, in.duty(), p.actor())));
    }

    /** The caller's site; a group-wide account names it with ?site=. */
    private static String site(Context ctx, Principal p) {
        String asked = ctx.queryParam("site");
        if (asked != null && !asked.isBlank()) {
            String site = Requests.id(asked, "site");
            p.requireSite(site);
            return site;
        }
        if (p.siteId() == null) {
            throw new BadRequestResponse(p.username() + " works at every site; say which with ?site=");
        }
        return p.siteId();
    }
}
