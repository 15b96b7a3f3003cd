package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;

/**
 * A site's bookings as managers make them (one at a time, or a file at once) and as kiosks and
 * confirmation messages need them. Saving a booking also keeps the site's vehicle list up to
 * date and tells the live views, so that a kiosk following the site hears of a booking made
 * after its morning snapshot. The site's QR key stays in here: callers get signed payloads.
 */
public final class AppointmentBook {
    /** How many of the bookings saved were new, and how many replaced one with the same id. */
    public record Saved(int created, int updated) {
    }

    /** A booking with the text of its QR code, signed with its site's key (see {@link AppointmentCode}). */
    public record Coded(Appointment appointment, String payload) {
    }

    private final Database db;
    private final Commits commits;
    private final SiteStore sites;

    AppointmentBook(Database db, Commits commits, SiteStore sites) {
        this.db = db;
        this.commits = commits;
        this.sites = sites;
    }

    /** @return empty for an unknown site; otherwise the day's bookings by time */
    public Optional<List<Appointment>> day(String siteId, LocalDate day) {
        return db.read("reading the appointments of site " + siteId + " for " + day, c ->
                sites.site(c, siteId).isEmpty() ? Optional.empty() : Optional.of(sites.appointments(c, siteId, day)));
    }

    /** @return empty for an unknown site or booking */
    public Optional<Coded> coded(String siteId, String appointmentId) {
        return db.read("reading appointment " + appointmentId + " of site " + siteId, c -> {
            Optional<SiteStore.Site> site = sites.site(c, siteId);
            if (site.isEmpty()) {
                return Optional.<Coded>empty();
            }
            byte[] key = Base64.getDecoder().decode(site.get().qrKey());
            return sites.appointment(c, siteId, appointmentId)
                    .map(a -> new Coded(a, AppointmentCode.payload(siteId, a.day(), a.id(), key)));
        });
    }

    /**
     * Saves bookings of one site in one transaction, each new or replacing the one with its id.
     * Ids in {@code freshIds} were made up by the caller for new bookings and must not replace
     * anything: should one be taken already, nothing is saved and the refusal (CONFLICT) says
     * which, so the caller can make up another.
     *
     * @return NOT_FOUND for an unknown site
     * @throws IllegalArgumentException for a booking of another site
     */
    public Result<Saved> save(String siteId, List<Appointment> appointments, Set<String> freshIds) {
        for (Appointment a : appointments) {
            if (!a.siteId().equals(siteId)) {
                throw new IllegalArgumentException("appointment " + a.id() + " belongs to site " + a.siteId()
                        + ", not " + siteId);
            }
        }
        String what = appointments.size() == 1 ? "saving appointment " + appointments.get(0).id() + " of site " + siteId
                : "saving " + appointments.size() + " appointments of site " + siteId;
        return commits.write(what, (c, changes) -> {
            // Every refusal before the first write: the transaction may be shared with other
            // callers' writes (group commit), so a refusal cannot roll anything back.
            if (sites.site(c, siteId).isEmpty()) {
                return Result.refused(Result.Why.NOT_FOUND, "unknown site " + siteId);
            }
            for (String id : freshIds) {
                if (sites.appointment(c, siteId, id).isPresent()) {
                    return Result.refused(Result.Why.CONFLICT, "appointment id " + id + " of site " + siteId
                            + " is taken");
                }
            }
            int created = 0;
            for (Appointment a : appointments) {
                if (store(c, a, changes)) {
                    created++;
                }
            }
            return Result.ok(new Saved(created, appointments.size() - created));
        });
    }

    /**
     * Within the caller's transaction: the booking, its vehicle, and the change for the live
     * views. Every save of a booking goes through here, the demo's included.
     *
     * @return true when the booking is new, false when it replaced one with its id
     */
    boolean store(Connection c, Appointment a, List<Change> changes) throws SQLException {
        boolean created = sites.appointment(c, a.siteId(), a.id()).isEmpty();
        sites.upsertAppointment(c, a);
        sites.upsertVehicle(c, a);
        changes.add(new Change.AppointmentChanged(a.siteId(), a));
        return created;
    }
}
