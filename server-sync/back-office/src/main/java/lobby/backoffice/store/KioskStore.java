package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Kiosks, their tokens, enrolment codes and last heartbeats. Runs inside the caller's transaction. */
final class KioskStore {
    record Code(String site, String kioskId, Instant expiresAt, Instant usedAt) {
    }

    /** A heartbeat's figures as stored; devices as the JSON the kiosk sent, re-serialised. */
    record Row(String kioskId, String site, boolean tokenActive, Instant enrolledAt, String version, Instant lastSeen,
               String devicesJson, Integer pendingOps, Instant lastSync) {
    }

    void insertCode(Connection c, String codeSha256, String site, String kioskId, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO enrolment_codes (code_sha256, site, kiosk_id, expires_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, codeSha256);
            ps.setString(2, site);
            ps.setString(3, kioskId);
            ps.setString(4, time(expiresAt));
            ps.executeUpdate();
        }
    }

    Optional<Code> code(Connection c, String codeSha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT site, kiosk_id, expires_at, used_at FROM enrolment_codes WHERE code_sha256 = ?")) {
            ps.setString(1, codeSha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Code(rs.getString(1), rs.getString(2), instant(rs.getString(3)),
                        instant(rs.getString(4)))) : Optional.empty();
            }
        }
    }

    void useCode(Connection c, String codeSha256, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE enrolment_codes SET used_at = ? WHERE code_sha256 = ?")) {
            ps.setString(1, time(now));
            ps.setString(2, codeSha256);
            ps.executeUpdate();
        }
    }

    /** Enrols the kiosk at the site with a new token; an earlier token of the same kiosk stops working. */
    void saveToken(Connection c, String kioskId, String site, String tokenSha256, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO kiosks (id, site, token_sha256, enrolled_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET site = excluded.site, token_sha256 = excluded.token_sha256,
                    enrolled_at = excluded.enrolled_at, revoked_at = NULL
                """)) {
            ps.setString(1, kioskId);
            ps.setString(2, site);
            ps.setString(3, tokenSha256);
            ps.setString(4, time(now));
            ps.executeUpdate();
        }
    }

    Optional<KioskRegistry.Kiosk> byToken(Connection c, String tokenSha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, site FROM kiosks WHERE token_sha256 = ?")) {
            ps.setString(1, tokenSha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new KioskRegistry.Kiosk(rs.getString(1), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** @return false for an unknown kiosk */
    boolean revoke(Connection c, String kioskId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE kiosks SET token_sha256 = NULL, revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")) {
            ps.setString(1, time(now));
            ps.setString(2, kioskId);
            return ps.executeUpdate() == 1;
        }
    }

    void heartbeat(Connection c, String kioskId, String version, String devicesJson, int pendingOps, Instant lastSync,
                   Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE kiosks SET version = ?, devices = ?, pending_ops = ?, last_sync = ?, last_seen = ? WHERE id = ?
                """)) {
            ps.setString(1, version);
            ps.setString(2, devicesJson);
            ps.setInt(3, pendingOps);
            ps.setString(4, lastSync == null ? null : time(lastSync));
            ps.setString(5, time(now));
            ps.setString(6, kioskId);
            ps.executeUpdate();
        }
    }

    List<Row> list(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, site, token_sha256 IS NOT NULL, enrolled_at, version, last_seen, devices, pending_ops, last_sync
                FROM kiosks WHERE site = ? ORDER BY id
                """)) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    Integer pending = rs.getInt(8);
                    if (rs.wasNull()) {
                        pending = null;
                    }
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), instant(rs.getString(4)),
                            rs.getString(5), instant(rs.getString(6)), rs.getString(7), pending,
                            instant(rs.getString(9))));
                }
                return out;
            }
        }
    }

    private static String time(Instant at) {
        return SortableInstant.format(at);
    }

    private static Instant instant(String text) {
        return text == null ? null : SortableInstant.parse(text);
    }
}
