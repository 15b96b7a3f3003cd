package lobby.backoffice.access;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import lobby.backoffice.store.Accounts;
import lobby.backoffice.store.KioskRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every matched request before its handler: who is calling (kiosk token, session
 * cookie, or a display key where the route admits displays) and whether the route admits
 * their role. 401 without valid credentials, 403 for the wrong role. An /api route registered
 * without roles is refused: forgetting to name them must not open an endpoint.
 */
public final class Guard {
    public static final String SESSION_COOKIE = "lobby_session";
    /** Query parameter with a display key: a TV cannot log in, so its URL carries the key. */
    public static final String DISPLAY_KEY_PARAM = "key";
    private static final String PRINCIPAL = "lobby.principal";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    private final Accounts accounts;
    private final KioskRegistry kiosks;

    public Guard(Accounts accounts, KioskRegistry kiosks) {
        this.accounts = accounts;
        this.kiosks = kiosks;
    }

    public void register(RoutesConfig routes) {
        routes.before(Guard::refusePlainHttpFromAfar);
        routes.beforeMatched(this::check);
    }

    /** The caller, as the guard authenticated them; only on routes that name roles other than ANYONE. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new UnauthorizedResponse("this endpoint needs credentials");
        }
        return p;
    }

    /**
     * Belt and braces: the server binds plain HTTP to loopback only (BackOfficeServer refuses
     * otherwise), so a plain request from another machine means a misconfigured proxy or port
     * forward. Tokens and passwords must not cross a network in clear.
     */
    private static void refusePlainHttpFromAfar(Context ctx) {
        if (!ctx.req().isSecure() && !loopback(ctx.req().getRemoteAddr())) {
            throw new ForbiddenResponse("plain HTTP is served to this machine only; use HTTPS");
        }
    }

    static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Role.ANYONE)) {
            return;
        }
        if (roles.isEmpty()) {
            if (ctx.path().startsWith("/api/")) {
                LOG.error("{} {} is registered without roles; refused until it names them", ctx.method(), ctx.path());
                throw new ForbiddenResponse("this endpoint is not open to anyone");
            }
            return; // a web page: what it shows comes from the API, which checks for itself
        }
        Principal p = authenticate(ctx).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer");
            return new UnauthorizedResponse("log in (cookie " + SESSION_COOKIE + ") or send a kiosk token"
                    + " (Authorization: Bearer ...)");
        });
        if (!roles.contains(p.role())) {
            throw new ForbiddenResponse(p.role() + " " + p.username() + " may not " + ctx.method() + " " + ctx.path()
                    + "; that needs " + Arrays.toString(roles.stream().map(Object::toString).sorted().toArray()));
        }
        ctx.attribute(PRINCIPAL, p);
    }

    /**
     * Bad credentials are refused outright (401) rather than treated as none: the caller should
     * know. A valid display key is a DISPLAY caller anywhere, so using it elsewhere is a 403.
     */
    private Optional<Principal> authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
                throw new UnauthorizedResponse("Authorization must be \"Bearer <kiosk token>\"");
            }
            KioskRegistry.Kiosk k = kiosks.byToken(authorization.substring(BEARER.length()).strip())
                    .orElseThrow(() -> new UnauthorizedResponse("unknown or revoked kiosk token"));
            return Optional.of(new Principal(k.kioskId(), k.kioskId(), Role.KIOSK, null, k.siteId()));
        }
        String session = ctx.cookie(SESSION_COOKIE);
        if (session != null && !session.isBlank()) {
            Accounts.User u = accounts.sessionUser(session)
                    .orElseThrow(() -> new UnauthorizedResponse("session expired or unknown; log in again"));
            return Optional.of(new Principal(u.username(), u.name(), Role.valueOf(u.role()), u.advisorId(), u.siteId()));
        }
        String key = ctx.queryParam(DISPLAY_KEY_PARAM);
        if (key != null && !key.isBlank()) {
            String site = accounts.displayKeySite(key).orElseThrow(() -> new UnauthorizedResponse("unknown display key"));
            return Optional.of(new Principal("display", "display", Role.DISPLAY, null, site));
        }
        return Optional.empty();
    }
}
