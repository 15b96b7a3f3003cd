package lobby.backoffice;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Role;
import lobby.backoffice.stats.Csv;
import lobby.backoffice.stats.Period;
import lobby.backoffice.stats.Report;
import lobby.backoffice.store.ServerStore;
import lobby.backoffice.store.TicketTimeline;

/**
 * The managers' figures for a day, week or month: {@code ?period=day|week|month&date=YYYY-MM-DD}
 * (default: today), as JSON or CSV; {@code &targetSeconds=N} overrides the greeting target.
 */
final class StatsRoutes {
    /** A target past ten minutes is not a greeting target. */
    static final int MAX_TARGET_SECONDS = 600;

    private final ServerStore store;
    private final Duration greetingTarget;

    StatsRoutes(ServerStore store, Duration greetingTarget) {
        this.store = store;
        this.greetingTarget = greetingTarget;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/sites/{site}/stats", ctx -> ctx.json(report(ctx)), Role.MANAGER, Role.ADMIN);
        routes.get("/api/sites/{site}/stats.csv", ctx -> {
            Report r = report(ctx);
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"stats-" + r.period() + "-" + r.from() + ".csv\"");
            ctx.result(Csv.of(r));
        }, Role.MANAGER, Role.ADMIN);
    }

    private Report report(Context ctx) {
        String site = Requests.id(ctx, "site");
        Guard.principal(ctx).requireSite(site);
        String kindText = ctx.queryParam("period");
        Period.Kind kind = kindText == null || kindText.isBlank() ? Period.Kind.DAY : Period.Kind.parse(kindText);
        if (kind == null) {
            throw new BadRequestResponse("period must be day, week or month, was \""
                    + Requests.optionalText(kindText, "period", Requests.MAX_ID_CHARS) + "\"");
        }
        Period period = Period.of(kind, date(ctx));
        List<TicketTimeline> visits = store.statistics().visits(site, period.from(), period.toExclusive())
                .orElseThrow(() -> new NotFoundResponse("unknown site " + site));
        return Report.of(period, visits, target(ctx));
    }

    private LocalDate date(Context ctx) {
        String date = ctx.queryParam("date");
        if (date == null || date.isBlank()) {
            return store.today();
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("date must be YYYY-MM-DD, was \""
                    + Requests.optionalText(date, "date", Requests.MAX_ID_CHARS) + "\"");
        }
    }

    private Duration target(Context ctx) {
        String text = ctx.queryParam("targetSeconds");
        if (text == null || text.isBlank()) {
            return greetingTarget;
        }
        try {
            int seconds = Integer.parseInt(text.strip());
            if (seconds >= 1 && seconds <= MAX_TARGET_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse("targetSeconds must be 1-" + MAX_TARGET_SECONDS + ", was \""
                + Requests.optionalText(text, "targetSeconds", Requests.MAX_ID_CHARS) + "\"");
    }
}
