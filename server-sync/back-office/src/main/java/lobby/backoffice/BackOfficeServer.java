package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Passwords;
import lobby.backoffice.access.RateLimit;
import lobby.backoffice.access.Role;
import lobby.backoffice.live.SiteEvents;
import lobby.backoffice.store.Change;
import lobby.backoffice.store.ServerStore;
import lobby.backoffice.web.WebPages;
import lobby.checkin.Advisor;
import lobby.sync.QueueEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office as a running HTTP(S) server over its SQLite file or a shared PostgreSQL database. Start it with
 * {@link #start(ServerOptions)} (or the short forms the kiosk's tests and demo use); every API
 * route names the roles it admits and {@link Guard} checks them.
 */
public final class BackOfficeServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 8080;
    /** The database file inside the data folder. */
    public static final String DB_FILE = "backoffice.db";
    /** Where the demo site's QR codes go inside the data folder. */
    public static final String QR_FOLDER = "qr";
    /**
     * Request bodies past this are refused with 413. A full push (200 ops of about 600 bytes)
     * is about 120 KB; 1 MiB leaves room without letting a client fill memory.
     */
    static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Logins and enrolments per client address: enough for a lobby of advisors behind one NAT. */
    static final double ATTEMPTS_PER_SECOND = 1;
    static final int ATTEMPTS_BURST = 20;

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeServer.class);
    /** API requests received by every back office in this process (the benchmarks sample it). */
    private static final java.util.concurrent.atomic.LongAdder API_REQUESTS = new java.util.concurrent.atomic.LongAdder();

    private final Javalin app;
    private final ServerStore store;
    private final SiteEvents events;
    private final ServerOptions options;
    private final DemoSite.Seeded demo;

    private BackOfficeServer(Javalin app, ServerStore store, SiteEvents events, ServerOptions options,
                             DemoSite.Seeded demo) {
        this.app = app;
        this.store = store;
        this.events = events;
        this.options = options;
        this.demo = demo;
    }

    /**
     * Opens (or creates) {@code dataDir/backoffice.db}, serves on {@code port} (0 picks a free
     * one, see {@link #port()}) on loopback and, if asked, seeds the demo site for today.
     */
    public static BackOfficeServer start(Path dataDir, int port, boolean seedDemo) {
        return start(dataDir, port, seedDemo, Clock.systemDefaultZone());
    }

    /** As {@link #start(Path, int, boolean)}, with the clock that decides "today" and the server time. */
    public static BackOfficeServer start(Path dataDir, int port, boolean seedDemo, Clock clock) {
        return start(ServerOptions.defaults(dataDir).withPort(port).withSeedDemo(seedDemo).withClock(clock));
    }

    public static BackOfficeServer start(ServerOptions options) {
        ServerStore store = options.postgres() == null
                ? ServerStore.open(options.dataDir().resolve(DB_FILE), options.clock())
                : ServerStore.openPostgres(options.postgres().url(), options.postgres().password(), options.clock());
        if (options.newEpoch()) {
            try {
                // Before the live views start: they take each site's last event id from the store.
                LOG.warn("the database was restored from a backup: new data epoch {} (kiosks push again what it lacks)",
                        store.renewEpoch());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        ObjectMapper mapper = Json.mapper();
        SiteEvents events = new SiteEvents(mapper, site -> currentState(store, site), store::lastEventId);
        try {
            store.onCommitted(events::publish, events::resync);
        } catch (RuntimeException e) {
            events.close();
            store.close();
            throw e;
        }
        Passwords passwords = new Passwords(options.passwordIterations());
        Javalin app;
        try {
            app = create(store, events, passwords, mapper, options).start();
        } catch (RuntimeException e) {
            events.close();
            store.close();
            throw e;
        }
        try {
            DemoSite.Seeded demo = null;
            if (options.seedDemo()) {
                // Seeded after start: the demo's status links need the port actually bound.
                demo = DemoSite.seed(store, store.today(), baseUrl(options, app.port()) + "/t",
                        options.dataDir().resolve(QR_FOLDER), passwords);
            }
            LOG.info("back office on {} with {}", baseUrl(options, app.port()), store.where());
            return new BackOfficeServer(app, store, events, options, demo);
        } catch (RuntimeException e) {
            app.stop();
            events.close();
            store.close();
            throw e;
        }
    }

    private static Javalin create(ServerStore store, SiteEvents events, Passwords passwords, ObjectMapper mapper,
                                  ServerOptions options) {
        RateLimit perKiosk = Double.isInfinite(options.kioskRequestsPerSecond()) ? RateLimit.unlimited()
                : new RateLimit(options.kioskRequestsPerSecond(), options.kioskBurst());
        RateLimit perAddress = new RateLimit(ATTEMPTS_PER_SECOND, ATTEMPTS_BURST);
        return Javalin.create(config -> {
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            if (options.tls() != null) {
                config.jetty.addConnector((server, http) -> Https.connector(server, http, options));
            }
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.routes.before("/api/*", ctx -> {
                API_REQUESTS.increment();
                readBodyFirst(ctx);
            });
            new Guard(store.accounts(), store.kiosks()).register(config.routes);
            config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")), Role.ANYONE);
            new AccessRoutes(store.accounts(), passwords, perAddress, mapper, options.clock(), options.tls() != null)
                    .register(config.routes);
            new SiteRoutes(store).register(config.routes);
            new SyncRoutes(store, mapper, perKiosk).register(config.routes);
            new TicketRoutes(store, mapper).register(config.routes);
            new AdvisorRoutes(store, mapper).register(config.routes);
            new AppointmentRoutes(store, mapper).register(config.routes);
            new BoardRoutes(store).register(config.routes);
            new StatsRoutes(store, options.greetingTarget()).register(config.routes);
            new KioskRoutes(store.kiosks(), mapper, perKiosk, perAddress).register(config.routes);
            new EventRoutes(store, events).register(config.routes);
            WebPages.register(config);
            ApiErrors.register(config.routes, MAX_BODY_BYTES);
        });
    }

    /**
     * Reads (and Javalin keeps) the request body before anything can refuse the request. An
     * answer sent while the client is still sending makes Jetty close the connection, and the
     * client then sees a reset instead of the 401 or 400 it was given. Past the size limit this
     * is where the 413 comes from.
     */
    private static void readBodyFirst(io.javalin.http.Context ctx) {
        String method = ctx.method().name();
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE")) {
            ctx.bodyAsBytes();
        }
    }

    /**
     * A site as a live view starts from: its tickets of the day, then its advisors. Not its
     * bookings: displays must not see them, and kiosks take them from their snapshot.
     */
    private static List<Change> currentState(ServerStore store, String site) {
        List<Change> out = new ArrayList<>();
        for (QueueEntry e : store.queue(site, store.today()).orElse(List.of())) {
            out.add(new Change.TicketChanged(site, e));
        }
        for (Advisor a : store.desk().advisors(site).orElse(List.of())) {
            out.add(new Change.AdvisorChanged(site, a));
        }
        return out;
    }

    public int port() {
        return app.port();
    }

    /** {@code http://localhost:<port>} (https with TLS), without a trailing slash. */
    public String baseUrl() {
        return baseUrl(options, port());
    }

    private static String baseUrl(ServerOptions options, int port) {
        return (options.tls() == null ? "http" : "https") + "://localhost:" + port;
    }

    /** The options it was started with. */
    public ServerOptions options() {
        return options;
    }

    public ServerStore store() {
        return store;
    }

    /** What {@code seedDemo} wrote: the demo appointments and QR codes, logins, display key and kiosk tokens. */
    public Optional<DemoSite.Seeded> demo() {
        return Optional.ofNullable(demo);
    }

    /** API requests received so far by the back offices of this process: for rate figures. */
    public long requestsServed() {
        return API_REQUESTS.sum();
    }

    /** The live events hub (the benchmark counts its subscribers). */
    public SiteEvents events() {
        return events;
    }

    /** Disconnects live clients, stops serving and frees the port; the data stays in the file. */
    public void stop() {
        events.close();
        app.stop();
        store.close();
    }

    @Override
    public void close() {
        stop();
    }
}
