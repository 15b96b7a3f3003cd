package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Passwords;
import lobby.backoffice.access.Principal;
import lobby.backoffice.access.RateLimit;
import lobby.backoffice.access.Role;
import lobby.backoffice.access.Secrets;
import lobby.backoffice.store.Accounts;

/**
 * Log in and out with a session cookie; "who am I". The cookie is HttpOnly (scripts cannot read
 * it), SameSite=Strict (other sites cannot make the browser send it, so no CSRF token is needed)
 * and Secure when the server speaks HTTPS.
 */
final class AccessRoutes {
    /** A working day and some; then the advisor logs in again. */
    static final Duration SESSION_LENGTH = Duration.ofHours(12);
    static final int MAX_PASSWORD_CHARS = 256;

    record Login(String username, String password) {
    }

    private final Accounts accounts;
    private final Passwords passwords;
    private final RateLimit attempts;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final boolean secureCookie;

    AccessRoutes(Accounts accounts, Passwords passwords, RateLimit attempts, ObjectMapper mapper, Clock clock,
                 boolean secureCookie) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.attempts = attempts;
        this.mapper = mapper;
        this.clock = clock;
        this.secureCookie = secureCookie;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/login", this::login, Role.ANYONE);
        routes.post("/api/logout", this::logout, Role.ANYONE);
        routes.get("/api/me", ctx -> ctx.json(Guard.principal(ctx)),
                Role.ADVISOR, Role.MANAGER, Role.ADMIN, Role.KIOSK, Role.DISPLAY);
    }

    private void login(Context ctx) {
        Login in = JsonBody.read(ctx, mapper, Login.class);
        String username = Requests.text(in.username(), "username", Requests.MAX_ID_CHARS);
        String password = Requests.text(in.password(), "password", MAX_PASSWORD_CHARS);
        // Per address: password guessing from one machine slows to the limit's pace.
        Requests.limit(ctx, attempts, "login:" + ctx.ip(), "this address");
        Optional<Accounts.User> user = accounts.user(username);
        if (!passwords.matches(password, user.map(Accounts.User::passwordHash).orElse(null))) {
            throw new UnauthorizedResponse("wrong user name or password");
        }
        Accounts.User u = user.get();
        String token = Secrets.token();
        accounts.startSession(token, u.username(), clock.instant().plus(SESSION_LENGTH));
        ctx.cookie(cookie(token, (int) SESSION_LENGTH.toSeconds()));
        ctx.json(new Principal(u.username(), u.name(), Role.valueOf(u.role()), u.advisorId(), u.siteId()));
    }

    private void logout(Context ctx) {
        String token = ctx.cookie(Guard.SESSION_COOKIE);
        if (token != null && !token.isBlank() && token.length() <= Requests.MAX_TEXT_CHARS) {
            accounts.endSession(token);
        }
        ctx.cookie(cookie("", 0));
        ctx.status(204);
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(Guard.SESSION_COOKIE, value, "/", maxAgeSeconds, secureCookie, true, null, SameSite.STRICT);
    }
}
