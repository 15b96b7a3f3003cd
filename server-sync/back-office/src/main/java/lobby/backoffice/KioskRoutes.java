package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Principal;
import lobby.backoffice.access.RateLimit;
import lobby.backoffice.access.Role;
import lobby.backoffice.access.Secrets;
import lobby.backoffice.store.KioskRegistry;
import lobby.backoffice.store.Result;

/**
 * Kiosks join with a one-time code an admin makes (valid {@link #CODE_VALIDITY}), get a token of
 * their own (stored hashed; an admin can revoke it), and report their health by heartbeat.
 */
final class KioskRoutes {
    static final Duration CODE_VALIDITY = Duration.ofHours(24);
    /** Kiosk ids end up in file names, logs and URLs: keep them plain. */
    static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A kiosk has a printer, lamps, a scanner or two; anything past this is not a kiosk. */
    static final int MAX_DEVICES = 32;

    record CodeRequest(String siteId, String kioskId) {
    }

    record Code(String code, String kioskId, String siteId, Instant expiresAt) {
    }

    record Enrol(String code, String kioskId) {
    }

    record Enrolled(String token, String kioskId, String siteId) {
    }

    record Heartbeat(String version, List<KioskRegistry.Device> devices, Integer pendingOps, Instant lastSync) {
    }

    private final KioskRegistry kiosks;
    private final ObjectMapper mapper;
    private final RateLimit perKiosk;
    private final RateLimit perAddress;

    KioskRoutes(KioskRegistry kiosks, ObjectMapper mapper, RateLimit perKiosk, RateLimit perAddress) {
        this.kiosks = kiosks;
        this.mapper = mapper;
        this.perKiosk = perKiosk;
        this.perAddress = perAddress;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/kiosks/enrolment-codes", this::code, Role.ADMIN);
        routes.post("/api/kiosks/enrol", this::enrol, Role.ANYONE);
        routes.delete("/api/kiosks/{kioskId}/token", this::revoke, Role.ADMIN);
        routes.post("/api/kiosks/{kioskId}/heartbeat", this::heartbeat, Role.KIOSK);
        routes.get("/api/sites/{site}/kiosks", this::list, Role.ADMIN, Role.MANAGER);
    }

    private void code(Context ctx) {
        CodeRequest in = JsonBody.read(ctx, mapper, CodeRequest.class);
        String site = Requests.id(in.siteId(), "siteId");
        String kioskId = kioskId(in.kioskId());
        Guard.principal(ctx).requireSite(site);
        String code = Secrets.enrolmentCode();
        Instant expires = Requests.value(kiosks.addEnrolmentCode(site, kioskId, code, CODE_VALIDITY));
        ctx.json(new Code(code, kioskId, site, expires));
    }

    /** No credentials but the code itself; guessing is slowed per address. */
    private void enrol(Context ctx) {
        Requests.limit(ctx, perAddress, "enrol:" + ctx.ip(), "this address");
        Enrol in = JsonBody.read(ctx, mapper, Enrol.class);
        String code = Requests.text(in.code(), "code", Requests.MAX_ID_CHARS);
        String kioskId = kioskId(in.kioskId());
        String token = Secrets.token();
        Result<KioskRegistry.Kiosk> result = kiosks.enrol(Secrets.normaliseCode(code), kioskId, token);
        if (result instanceof Result.Refused<KioskRegistry.Kiosk> no) {
            throw new UnauthorizedResponse(no.message());
        }
        KioskRegistry.Kiosk k = Requests.value(result);
        ctx.json(new Enrolled(token, k.kioskId(), k.siteId()));
    }

    private void revoke(Context ctx) {
        String kioskId = Requests.id(ctx, "kioskId");
        Principal admin = Guard.principal(ctx);
        if (admin.siteId() != null) {
            // A site's admin revokes only that site's kiosks; an unknown kiosk and another site's look the same.
            boolean ours = kiosks.list(admin.siteId()).orElse(List.of()).stream()
                    .anyMatch(k -> k.kioskId().equals(kioskId));
            if (!ours) {
                throw new NotFoundResponse("no kiosk " + kioskId + " at site " + admin.siteId());
            }
        }
        if (!kiosks.revoke(kioskId)) {
            throw new NotFoundResponse("no kiosk " + kioskId);
        }
        ctx.status(204);
    }

    private void heartbeat(Context ctx) {
        Principal kiosk = Guard.principal(ctx);
        String kioskId = Requests.id(ctx, "kioskId");
        if (!kioskId.equals(kiosk.username())) {
            throw new ForbiddenResponse("the token is kiosk " + kiosk.username() + "'s, not " + kioskId + "'s");
        }
        Requests.limit(ctx, perKiosk, "kiosk:" + kioskId, "kiosk " + kioskId);
        Heartbeat in = JsonBody.read(ctx, mapper, Heartbeat.class);
        List<KioskRegistry.Device> devices = in.devices() == null ? List.of() : in.devices();
        if (devices.size() > MAX_DEVICES) {
            throw new BadRequestResponse("a heartbeat lists at most " + MAX_DEVICES + " devices, this one "
                    + devices.size());
        }
        for (int i = 0; i < devices.size(); i++) {
            KioskRegistry.Device d = devices.get(i);
            if (d == null) {
                throw new BadRequestResponse("devices[" + i + "] is null");
            }
            Requests.text(d.device(), "devices[" + i + "].device", Requests.MAX_TEXT_CHARS);
            Requests.optionalText(d.state(), "devices[" + i + "].state", Requests.MAX_TEXT_CHARS);
            Requests.optionalText(d.detail(), "devices[" + i + "].detail", Requests.MAX_TEXT_CHARS);
        }
        int pending = in.pendingOps() == null ? 0 : in.pendingOps();
        if (pending < 0) {
            throw new BadRequestResponse("pendingOps cannot be negative, was " + pending);
        }
        kiosks.heartbeat(kioskId, Requests.optionalText(in.version(), "version", Requests.MAX_TEXT_CHARS), devices,
                pending, in.lastSync());
        ctx.status(204);
    }

    private void list(Context ctx) {
        String site = Requests.id(ctx, "site");
        Guard.principal(ctx).requireSite(site);
        ctx.json(kiosks.list(site).orElseThrow(() -> new NotFoundResponse("unknown site " + site)));
    }

    private static String kioskId(String value) {
        String id = Requests.id(value, "kioskId");
        if (!KIOSK_ID.matcher(id).matches()) {
            throw new BadRequestResponse("kioskId may hold letters, digits, '.', '_' and '-' only, was \"" + id + "\"");
        }
        return id;
    }
}
