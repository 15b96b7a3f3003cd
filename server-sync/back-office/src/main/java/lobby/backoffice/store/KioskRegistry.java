package lobby.backoffice.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Kiosks: enrolment with a one-time code, per-kiosk tokens (stored hashed, revocable) and the
 * heartbeats behind the devices page. Each method is one transaction.
 */
public final class KioskRegistry {
    /** Who a token belongs to. */
    public record Kiosk(String kioskId, String siteId) {
    }

    /** One device's health as a kiosk reports it: "printer", "OK"/"WARNING"/"FAULT", "paper low". */
    public record Device(String device, String state, String detail) {
    }

    /** A kiosk as the devices page shows it; version, lastSeen and the rest are null before its first heartbeat. */
    public record Status(String kioskId, String siteId, boolean tokenActive, Instant enrolledAt, String version,
                         Instant lastSeen, List<Device> devices, Integer pendingOps, Instant lastSync) {
    }

    /**
     * How long a token checked once is believed without asking the database. Every push and
     * heartbeat is authenticated; the look-up cost about as much as the rest of a heartbeat.
     * A revocation here clears the cache at once; one made by another back office sharing the
     * database takes effect within this time.
     */
    static final Duration TOKEN_CACHE = Duration.ofSeconds(10);
    static final int TOKEN_CACHE_ENTRIES = 10_000;

    private record Known(Kiosk kiosk, long untilNanos) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Device>> DEVICES = new TypeReference<>() { };

    private final Database db;
    private final SiteStore sites;
    private final KioskStore kiosks;
    private final Clock clock;

    KioskRegistry(Database db, SiteStore sites, KioskStore kiosks, Clock clock) {
        this.db = db;
        this.sites = sites;
        this.kiosks = kiosks;
        this.clock = clock;
    }

    /** Keeps (the hash of) a one-time code for the kiosk; @return when it expires, or NOT_FOUND for an unknown site */
    public Result<Instant> addEnrolmentCode(String siteId, String kioskId, String code, Duration validFor) {
        Instant expires = clock.instant().plus(validFor);
        return db.write("adding an enrolment code for kiosk " + kioskId + " of site " + siteId, c -> {
            if (sites.site(c, siteId).isEmpty()) {
                return Result.<Instant>refused(Result.Why.NOT_FOUND, "unknown site " + siteId);
            }
            kiosks.insertCode(c, Hashes.sha256(code), siteId, kioskId, expires);
            return Result.ok(expires);
        });
    }

    /**
     * Spends a code on the kiosk it was made for and gives it {@code token}. Any mismatch is
     * one refusal (FORBIDDEN) that does not say which, so the answer helps no one guess codes.
     */
    public Result<Kiosk> enrol(String code, String kioskId, String token) {
        String hash = Hashes.sha256(code);
        return db.write("enrolling kiosk " + kioskId, c -> {
            Instant now = clock.instant();
            Optional<KioskStore.Code> found = kiosks.code(c, hash);
            if (found.isEmpty() || found.get().usedAt() != null || !found.get().expiresAt().isAfter(now)
                    || !found.get().kioskId().equals(kioskId)) {
                return Result.<Kiosk>refused(Result.Why.FORBIDDEN,
                        "enrolment code unknown, used, expired or made for another kiosk");
            }
            kiosks.useCode(c, hash, now);
            kiosks.saveToken(c, kioskId, found.get().site(), Hashes.sha256(token), now);
            forget(kioskId);
            return Result.ok(new Kiosk(kioskId, found.get().site()));
        });
    }

    /** Enrols a kiosk directly (the demo, a technician's tool); an earlier token of the kiosk stops working. */
    public void saveToken(String siteId, String kioskId, String token) {
        db.write("saving the token of kiosk " + kioskId, c -> {
            kiosks.saveToken(c, kioskId, siteId, Hashes.sha256(token), clock.instant());
            return null;
        });
        forget(kioskId);
    }

    /** @return the kiosk holding this token, or empty for an unknown or revoked one */
    public Optional<Kiosk> byToken(String token) {
        String hash = Hashes.sha256(token);
        Known k = known.get(hash);
        if (k != null && System.nanoTime() - k.untilNanos() < 0) {
            return Optional.of(k.kiosk());
        }
        Optional<Kiosk> found = db.read("checking a kiosk token", c -> kiosks.byToken(c, hash));
        if (found.isPresent()) {
            if (known.size() >= TOKEN_CACHE_ENTRIES) {
                known.clear();
            }
            known.put(hash, new Known(found.get(), System.nanoTime() + TOKEN_CACHE.toNanos()));
        } else {
            known.remove(hash);
        }
        return found;
    }

    /** A kiosk's cached token stops being believed (it was replaced or revoked). */
    private void forget(String kioskId) {
        known.values().removeIf(k -> k.kiosk().kioskId().equals(kioskId));
    }

    /** @return false for an unknown kiosk; a revoked kiosk must enrol again */
    public boolean revoke(String kioskId) {
        boolean found = db.write("revoking the token of kiosk " + kioskId, c -> kiosks.revoke(c, kioskId, clock.instant()));
        forget(kioskId);
        return found;
    }

    public void heartbeat(String kioskId, String version, List<Device> devices, int pendingOps, Instant lastSync) {
        String json;
        try {
            json = JSON.writeValueAsString(devices == null ? List.of() : devices);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("devices of kiosk " + kioskId + " cannot be stored: " + e.getMessage(), e);
        }
        db.write("storing a heartbeat of kiosk " + kioskId, c -> {
            kiosks.heartbeat(c, kioskId, version, json, pendingOps, lastSync, clock.instant());
            return null;
        });
    }

    /** @return empty for an unknown site; else its kiosks by id */
    public Optional<List<Status>> list(String siteId) {
        return db.read("listing the kiosks of site " + siteId, c -> {
            if (sites.site(c, siteId).isEmpty()) {
                return Optional.<List<Status>>empty();
            }
            return Optional.of(kiosks.list(c, siteId).stream().map(KioskRegistry::status).toList());
        });
    }

    private static Status status(KioskStore.Row r) {
        List<Device> devices = List.of();
        if (r.devicesJson() != null) {
            try {
                devices = JSON.readValue(r.devicesJson(), DEVICES);
            } catch (JsonProcessingException e) {
                // Written by this class, so unreadable only if the file was edited by hand: show none.
                devices = List.of();
            }
        }
        return new Status(r.kioskId(), r.site(), r.tokenActive(), r.enrolledAt(), r.version(), r.lastSeen(), devices,
                r.pendingOps(), r.lastSync());
    }
}
