package lobby.backoffice;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Principal;
import lobby.backoffice.access.Role;
import lobby.backoffice.live.Sink;
import lobby.backoffice.live.SiteEvents;
import lobby.backoffice.store.ServerStore;

/**
 * A site's live events as server-sent events: "ticket", "advisor", "call" and "appointment",
 * each with an id. A browser's EventSource reconnects by itself and sends Last-Event-ID; the
 * stream then resumes where it broke (see {@link SiteEvents}). A lobby display is not sent
 * "appointment" events: they hold customers' names and plates in full.
 */
final class EventRoutes {
    static final String EVENT_STREAM = "text/event-stream";
    /** EventSource cannot set headers on its first connection; a page may pass the id here instead. */
    static final String LAST_ID_PARAM = "lastEventId";

    private final ServerStore store;
    private final SiteEvents events;

    EventRoutes(ServerStore store, SiteEvents events) {
        this.store = store;
        this.events = events;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/sites/{site}/events", this::events, Role.ADVISOR, Role.MANAGER, Role.ADMIN, Role.DISPLAY,
                Role.KIOSK);
    }

    private void events(Context ctx) throws Exception {
        String site = Requests.id(ctx, "site");
        Principal caller = Guard.principal(ctx);
        caller.requireSite(site);
        boolean display = caller.role() == Role.DISPLAY;
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw new HttpResponseException(HttpStatus.NOT_ACCEPTABLE.getCode(),
                    "this is an event stream: send Accept: " + EVENT_STREAM);
        }
        if (store.desk().advisors(site).isEmpty()) {
            throw new NotFoundResponse("unknown site " + site);
        }
        Long last = lastEventId(ctx);
        new SseHandler(client -> {
            client.keepAlive();
            Runnable stop = events.subscribe(site, last, new Connection(client, display));
            client.onClose(stop);
        }).handle(ctx);
    }

    private static Long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        String value = header != null && !header.isBlank() ? header : ctx.queryParam(LAST_ID_PARAM);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Last-Event-ID must be a number this server sent, was \""
                    + Requests.optionalText(value, "Last-Event-ID", Requests.MAX_ID_CHARS) + "\"");
        }
    }

    /**
     * Javalin's SSE client as a sink; a failed write shows as a terminated client.
     *
     * @param display a lobby display's connection, which personal events skip
     */
    private record Connection(SseClient client, boolean display) implements Sink {
        @Override
        public boolean send(Event event) {
            if (display && SiteEvents.APPOINTMENT.equals(event.name())) {
                return !client.terminated();
            }
            if (event.isComment()) {
                client.sendComment(event.data());
            } else {
                client.sendEvent(event.name(), event.data(), Long.toString(event.id()));
            }
            return !client.terminated();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
