package lobby.kiosk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.Duty;
import lobby.checkin.Plate;
import lobby.checkin.VisitKind;
import lobby.sync.SiteSnapshot;

/** What the back office owns and the kiosk keeps a copy of: the site, roster and appointments. */
public final class RosterStore {
    private final KioskStore db;

    RosterStore(KioskStore db) {
        this.db = db;
    }

    /** Replaces the roster and the day's appointments with the back office's, in one transaction. */
    public void replace(SiteSnapshot s, Instant receivedAt) {
        db.inTransaction("storing the back office snapshot", c -> {
            KioskStore.update(c, "DELETE FROM advisors");
            for (Advisor a : s.advisors()) {
                KioskStore.update(c, "INSERT INTO advisors(id, name, desk, lamp_pin, duty) VALUES (?,?,?,?,?)",
                        a.id(), a.name(), a.desk(), a.lampPin(), a.duty());
            }
            KioskStore.update(c, "DELETE FROM appointments WHERE day = ?", s.day());
            for (Appointment a : s.appointments()) {
                KioskStore.update(c, "INSERT OR REPLACE INTO appointments(id, site_id, day, time, plate, plate_key,"
                                + " customer_name, kind, advisor_id) VALUES (?,?,?,?,?,?,?,?,?)",
                        a.id(), a.siteId(), a.day(), a.time().toString(), a.plate(), Plate.matchKey(a.plate()),
                        a.customerName(), a.kind(), a.advisorId());
            }
            KioskStore.update(c, "DELETE FROM regulars");
            for (lobby.sync.Regular r : s.regulars()) {
                KioskStore.update(c, "INSERT OR REPLACE INTO regulars(plate_key, advisor_id) VALUES (?, ?)",
                        Plate.matchKey(r.plate()), r.advisorId());
            }
            KioskStore.putMeta(c, "site.reception-minutes", Integer.toString(s.receptionMinutes()));
            KioskStore.putMeta(c, "site.id", s.siteId());
            KioskStore.putMeta(c, "site.name", s.siteName());
            KioskStore.putMeta(c, "site.qr-key", s.qrKey());
            KioskStore.putMeta(c, "site.status-url", s.statusBaseUrl());
            KioskStore.putMeta(c, "snapshot.day", s.day().toString());
            KioskStore.putMeta(c, "snapshot.received-at", receivedAt.toString());
            KioskStore.putMeta(c, "snapshot.server-time", s.serverTime().toString());
            return null;
        });
    }

    /** An advisor's change (duty, desk) as the back office announced it. */
    public void updateAdvisor(Advisor a) {
        db.inTransaction("updating advisor " + a.id(), c -> KioskStore.update(c,
                "INSERT INTO advisors(id, name, desk, lamp_pin, duty) VALUES (?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                        + " name = excluded.name, desk = excluded.desk, lamp_pin = excluded.lamp_pin, duty = excluded.duty",
                a.id(), a.name(), a.desk(), a.lampPin(), a.duty()));
    }

    /** A booking made or changed at the back office since the last snapshot, as the event stream brings it. */
    public void upsertAppointment(Appointment a) {
        db.inTransaction("storing appointment " + a.id(), c -> KioskStore.update(c,
                "INSERT OR REPLACE INTO appointments(id, site_id, day, time, plate, plate_key, customer_name, kind,"
                        + " advisor_id) VALUES (?,?,?,?,?,?,?,?,?)", a.id(), a.siteId(), a.day(), a.time().toString(),
                a.plate(), Plate.matchKey(a.plate()), a.customerName(), a.kind(), a.advisorId()));
    }

    /** The site as last received; empty before the kiosk ever reached the back office. */
    public Optional<SiteInfo> site() {
        Optional<String> id = db.meta("site.id");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SiteInfo(id.get(), db.meta("site.name").orElse(""),
                db.meta("site.qr-key").orElse(""), db.meta("site.status-url").orElse(""),
                db.meta("snapshot.received-at").map(Instant::parse).orElse(Instant.EPOCH)));
    }

    public List<Advisor> advisors() {
        return db.query(SELECT_ADVISORS, RosterStore::advisorRows);
    }

    public Optional<Advisor> advisor(String id) {
        return advisors().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Appointment> appointment(String id) {
        return db.query(SELECT_APPOINTMENT + " WHERE id = ?", rs -> rs.next() ? Optional.of(appointment(rs))
                : Optional.<Appointment>empty(), id);
    }

    /** Appointments on that day whose plate matches, tolerating O/0 and I/1 mix-ups. */
    public List<Appointment> appointmentsByPlate(String plate, LocalDate day) {
        return db.query(SELECT_APPOINTMENT + " WHERE plate_key = ? AND day = ? ORDER BY time",
                RosterStore::appointmentRows, Plate.matchKey(plate), day);
    }

    public List<Appointment> appointments(LocalDate day) {
        return db.query(SELECT_APPOINTMENT + " WHERE day = ? ORDER BY time, id", RosterStore::appointmentRows, day);
    }

    /** The regular customer's own advisor for this plate, or null. */
    static String regularAdvisor(Connection c, String plate) throws SQLException {
        if (plate == null || plate.isBlank()) {
            return null;
        }
        return KioskStore.query(c, "SELECT advisor_id FROM regulars WHERE plate_key = ?",
                rs -> rs.next() ? rs.getString(1) : null, Plate.matchKey(plate));
    }

    static List<Advisor> advisors(Connection c) throws SQLException {
        return KioskStore.query(c, SELECT_ADVISORS, RosterStore::advisorRows);
    }

    private static final String SELECT_ADVISORS = "SELECT id, name, desk, lamp_pin, duty FROM advisors ORDER BY desk, id";
    private static final String SELECT_APPOINTMENT =
            "SELECT id, site_id, day, time, plate, customer_name, kind, advisor_id FROM appointments";

    private static List<Advisor> advisorRows(ResultSet rs) throws SQLException {
        List<Advisor> list = new ArrayList<>();
        while (rs.next()) {
            list.add(advisor(rs));
        }
        return list;
    }

    private static List<Appointment> appointmentRows(ResultSet rs) throws SQLException {
        List<Appointment> list = new ArrayList<>();
        while (rs.next()) {
            list.add(appointment(rs));
        }
        return list;
    }

    private static Appointment appointment(ResultSet rs) throws SQLException {
        return new Appointment(rs.getString(1), rs.getString(2), LocalDate.parse(rs.getString(3)),
                LocalTime.parse(rs.getString(4)), rs.getString(5), rs.getString(6),
                VisitKind.valueOf(rs.getString(7)), rs.getString(8));
    }

    private static Advisor advisor(ResultSet rs) throws SQLException {
        return new Advisor(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), Duty.valueOf(rs.getString(5)));
    }

    /** The site as the kiosk last heard of it. */
    public record SiteInfo(String siteId, String name, String qrKeyBase64, String statusBaseUrl, Instant receivedAt) {
    }
}
