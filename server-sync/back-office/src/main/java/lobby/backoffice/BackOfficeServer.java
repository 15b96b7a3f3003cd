package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import lobby.backoffice.store.ServerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office as a running HTTP server over its SQLite file. Start it with
 * {@link #start(Path, int, boolean)}; the kiosk's tests and demo use the same entry as
 * {@link BackOfficeMain}.
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

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeServer.class);

    private final Javalin app;
    private final ServerStore store;
    private final DemoSite.Seeded demo;

    private BackOfficeServer(Javalin app, ServerStore store, DemoSite.Seeded demo) {
        this.app = app;
        this.store = store;
        this.demo = demo;
    }

    /**
     * Opens (or creates) {@code dataDir/backoffice.db}, serves on {@code port} (0 picks a free
     * one, see {@link #port()}) and, if asked, seeds the demo site for today before returning.
     */
    public static BackOfficeServer start(Path dataDir, int port, boolean seedDemo) {
        return start(dataDir, port, seedDemo, Clock.systemDefaultZone());
    }

    /** As {@link #start(Path, int, boolean)}, with the clock that decides "today" and the server time. */
    public static BackOfficeServer start(Path dataDir, int port, boolean seedDemo, Clock clock) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535 (0 = any free port), was " + port);
        }
        ServerStore store = ServerStore.open(dataDir.resolve(DB_FILE), clock);
        Javalin app = create(store, port).start();
        try {
            DemoSite.Seeded demo = null;
            if (seedDemo) {
                // Seeded after start: the demo's status links need the port actually bound.
                demo = DemoSite.seed(store, store.today(), "http://localhost:" + app.port() + "/t",
                        dataDir.resolve(QR_FOLDER));
            }
            LOG.info("back office on port {} with {}", app.port(), store.file());
            return new BackOfficeServer(app, store, demo);
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
    }

    private static Javalin create(ServerStore store, int port) {
        ObjectMapper mapper = Json.mapper();
        return Javalin.create(config -> {
            config.jetty.port = port;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
            new SiteRoutes(store).register(config.routes);
            new SyncRoutes(store, mapper).register(config.routes);
            ApiErrors.register(config.routes, MAX_BODY_BYTES);
        });
    }

    public int port() {
        return app.port();
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public ServerStore store() {
        return store;
    }

    /** What {@code seedDemo} wrote: the demo appointments, their QR payloads and PNG files. */
    public Optional<DemoSite.Seeded> demo() {
        return Optional.ofNullable(demo);
    }

    /** Stops serving and frees the port; the data stays in the file. */
    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
