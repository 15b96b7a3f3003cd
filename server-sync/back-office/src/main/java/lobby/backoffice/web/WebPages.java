package lobby.backoffice.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The back office's web pages: plain HTML, CSS and JavaScript under {@code web/} on the
 * classpath, talking to the JSON API from the browser. Pages live at short addresses
 * ({@code /console}, {@code /board}, {@code /t/{ticketId}}, {@code /stats}, {@code /devices}),
 * their scripts and styles under {@code /web/}. Nothing here reads the database: what a page
 * may see is decided by the API it calls.
 */
public final class WebPages {
    /** Page address to file under {@code web/}. */
    static final Map<String, String> PAGES = Map.of(
            "/console", "console.html",
            "/board", "board.html",
            "/t/{ticketId}", "ticket.html",
            "/stats", "stats.html",
            "/devices", "devices.html");

    /** Only flat names with a known extension: no folders, so no way out of {@code web/}. */
    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(css|js|svg|png|ico)");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8",
            "png", "image/png",
            "ico", "image/x-icon");

    private static final String ROOT = "web/";

    private WebPages() {
    }

    /** Adds the pages' routes; call inside {@code Javalin.create(config -> ...)}. */
    public static void register(JavalinConfig config) {
        PAGES.forEach((path, file) -> config.routes.get(path, ctx -> serve(ctx, file)));
        config.routes.get("/web/{file}", ctx -> {
            String file = ctx.pathParam("file");
            if (!ASSET.matcher(file).matches()) {
                throw new NotFoundResponse("no such file /web/" + file);
            }
            serve(ctx, file);
        });
    }

    private static void serve(Context ctx, String file) {
        byte[] body = read(file);
        if (body == null) {
            throw new NotFoundResponse("no such file /web/" + file);
        }
        ctx.contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
        // Pages are small and change with each release; revalidating costs little on a LAN.
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(body);
    }

    static byte[] read(String file) {
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + ROOT + file + " from the classpath", e);
        }
    }
}
