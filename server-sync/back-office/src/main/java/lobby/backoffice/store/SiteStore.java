package lobby.backoffice.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.Duty;
import lobby.checkin.Plate;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;

/** Sites, their advisor roster, their bookings and the vehicles booked. Every method runs inside the caller's transaction. */
final class SiteStore {
    /** 256 bits, as long as HMAC-SHA256's output: a longer key adds no strength. */
    static final int QR_KEY_BYTES = 32;
    /** Appointments are booked to the minute; seconds are kept so text order is time order. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    record Site(String id, String name, String qrKey, String statusBaseUrl) {
    }

    private final SecureRandom random = new SecureRandom();

    Optional<Site> site(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, qr_key, status_base_url FROM sites WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Site(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /**
     * What a check-in needs to know of its site: that it exists, its advisor as the server has
     * them (name, desk, duty), and whether another ticket of the day already has its number.
     *
     * @param numberTakenBy the id of another ticket of the site and day with the same number
     */
    record ForTicket(boolean siteKnown, Optional<Advisor> advisor, Optional<String> numberTakenBy) {
    }

    /**
     * The look-up behind {@link #forTicket}, for a query that joins it to others (a push's first
     * check-in, {@link PushRules}), with its columns read by {@link #forTicket(ResultSet, int)}.
     * The arguments are SQL expressions for the ticket's fields: parameters ("?", bound by
     * {@link #bindForTicket}) or the columns of a joined row.
     */
    static String forTicketSql(String day, String number, String ticketId, String advisorId, String site) {
        return """
                SELECT s.id AS known_site, a.id AS advisor_id, a.name AS advisor_name, a.desk AS advisor_desk,
                       a.lamp_pin AS advisor_lamp_pin, a.duty AS advisor_duty,
                       (SELECT MIN(t.id) FROM tickets t WHERE t.site = s.id AND t.day = %s AND t.number = %s
                                                           AND t.id <> %s) AS number_taken_by
                FROM sites s
                LEFT JOIN advisors a ON a.site = s.id AND a.id = %s
                WHERE s.id = %s""".formatted(day, number, ticketId, advisorId, site);
    }

    /** {@link #forTicketSql} with parameters. */
    static final String FOR_TICKET_SQL = forTicketSql("?", "?", "?", "?", "?");

    /**
     * One look-up for all three (a round trip each would count on PostgreSQL, inside the write
     * lock). It runs ahead of held-back writes ({@link HeldWrites}): sites and advisors are not
     * among them; a ticket held back by another check-in of the same group commit escapes the
     * number check, which only warns (the ticket is taken either way).
     */
    ForTicket forTicket(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement ps = HeldWrites.ahead(c, FOR_TICKET_SQL)) {
            bindForTicket(ps, 1, t);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? forTicket(rs, 1) : forTicket(null, 0);
            }
        }
    }

    /**
     * Binds {@link #FOR_TICKET_SQL}'s parameters from {@code from} on; a null ticket finds no site.
     *
     * @return the next parameter's index
     */
    static int bindForTicket(PreparedStatement ps, int from, Ticket t) throws SQLException {
        ps.setString(from, t == null ? null : t.day().toString());
        ps.setString(from + 1, t == null ? null : t.number());
        ps.setString(from + 2, t == null ? null : t.id());
        ps.setString(from + 3, t == null ? null : t.advisorId());
        ps.setString(from + 4, t == null ? null : t.siteId());
        return from + 5;
    }

    /** Reads {@link #FOR_TICKET_SQL}'s columns from {@code from} on; a null result set, or no site there, is an unknown site. */
    static ForTicket forTicket(ResultSet rs, int from) throws SQLException {
        if (rs == null || rs.getString(from) == null) {
            return new ForTicket(false, Optional.empty(), Optional.empty());
        }
        Optional<Advisor> advisor = rs.getString(from + 1) == null ? Optional.empty()
                : Optional.of(new Advisor(rs.getString(from + 1), rs.getString(from + 2), rs.getInt(from + 3),
                        rs.getInt(from + 4), Duty.valueOf(rs.getString(from + 5))));
        return new ForTicket(true, advisor, Optional.ofNullable(rs.getString(from + 6)));
    }

    /** Creates the site with a fresh QR key, or renames it and keeps its key (printed codes stay valid). */
    Site upsertSite(Connection c, String id, String name, String statusBaseUrl) throws SQLException {
        byte[] fresh = new byte[QR_KEY_BYTES];
        random.nextBytes(fresh);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO sites (id, name, qr_key, status_base_url) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, status_base_url = excluded.status_base_url
                """)) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setString(3, Base64.getEncoder().encodeToString(fresh));
            ps.setString(4, statusBaseUrl);
            ps.executeUpdate();
        }
        return site(c, id).orElseThrow(() -> new SQLException("site " + id + " vanished right after it was saved"));
    }

    List<Advisor> advisors(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, desk, lamp_pin, duty FROM advisors WHERE site = ? ORDER BY desk, id")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                List<Advisor> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Advisor(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            Duty.valueOf(rs.getString(5))));
                }
                return out;
            }
        }
    }

    Optional<Advisor> advisor(Connection c, String site, String id) throws SQLException {
        return advisors(c, site).stream().filter(a -> a.id().equals(id)).findFirst();
    }

    void setDuty(Connection c, String site, String id, Duty duty) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE advisors SET duty = ? WHERE site = ? AND id = ?")) {
            ps.setString(1, duty.name());
            ps.setString(2, site);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    List<lobby.sync.Regular> regulars(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT plate, advisor_id FROM regulars WHERE site = ? ORDER BY plate")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                List<lobby.sync.Regular> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new lobby.sync.Regular(rs.getString(1), rs.getString(2)));
                }
                return out;
            }
        }
    }

    void upsertRegular(Connection c, String site, lobby.sync.Regular r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO regulars (site, plate, advisor_id) VALUES (?, ?, ?)
                ON CONFLICT (site, plate) DO UPDATE SET advisor_id = excluded.advisor_id
                """)) {
            ps.setString(1, site);
            ps.setString(2, r.plate());
            ps.setString(3, r.advisorId());
            ps.executeUpdate();
        }
    }

    void upsertAdvisor(Connection c, String site, Advisor a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO advisors (site, id, name, desk, lamp_pin, duty) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (site, id) DO UPDATE SET name = excluded.name, desk = excluded.desk,
                    lamp_pin = excluded.lamp_pin, duty = excluded.duty
                """)) {
            ps.setString(1, site);
            ps.setString(2, a.id());
            ps.setString(3, a.name());
            ps.setInt(4, a.desk());
            ps.setInt(5, a.lampPin());
            ps.setString(6, a.duty().name());
            ps.executeUpdate();
        }
    }

    List<Appointment> appointments(Connection c, String site, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, day, time, plate, customer_name, kind, advisor_id FROM appointments
                WHERE site = ? AND day = ? ORDER BY time, id
                """)) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                List<Appointment> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(appointment(site, rs));
                }
                return out;
            }
        }
    }

    Optional<Appointment> appointment(Connection c, String site, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, day, time, plate, customer_name, kind, advisor_id FROM appointments
                WHERE site = ? AND id = ?
                """)) {
            ps.setString(1, site);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(appointment(site, rs)) : Optional.empty();
            }
        }
    }

    private static Appointment appointment(String site, ResultSet rs) throws SQLException {
        return new Appointment(rs.getString(1), site, LocalDate.parse(rs.getString(2)), LocalTime.parse(rs.getString(3)),
                rs.getString(4), rs.getString(5), VisitKind.valueOf(rs.getString(6)), rs.getString(7));
    }

    void upsertAppointment(Connection c, Appointment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO appointments (site, id, day, time, plate, customer_name, kind, advisor_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (site, id) DO UPDATE SET day = excluded.day, time = excluded.time,
                    plate = excluded.plate, customer_name = excluded.customer_name, kind = excluded.kind,
                    advisor_id = excluded.advisor_id
                """)) {
            ps.setString(1, a.siteId());
            ps.setString(2, a.id());
            ps.setString(3, a.day().toString());
            ps.setString(4, a.time().format(TIME));
            ps.setString(5, a.plate());
            ps.setString(6, a.customerName());
            ps.setString(7, a.kind().name());
            ps.setString(8, a.advisorId());
            ps.executeUpdate();
        }
    }

    /**
     * Notes the booking's vehicle under its {@link Plate#matchKey}: the plate as last written,
     * the latest day it is booked for, and the latest name given (a booking without a name
     * keeps the one already known).
     */
    void upsertVehicle(Connection c, Appointment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO vehicles (site, plate_key, plate, customer_name, last_seen_day) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (site, plate_key) DO UPDATE SET plate = excluded.plate,
                    customer_name = COALESCE(excluded.customer_name, vehicles.customer_name),
                    last_seen_day = CASE WHEN excluded.last_seen_day > vehicles.last_seen_day
                        THEN excluded.last_seen_day ELSE vehicles.last_seen_day END
                """)) {
            ps.setString(1, a.siteId());
            ps.setString(2, Plate.matchKey(a.plate()));
            ps.setString(3, a.plate());
            ps.setString(4, a.customerName());
            ps.setString(5, a.day().toString());
            ps.executeUpdate();
        }
    }
}
