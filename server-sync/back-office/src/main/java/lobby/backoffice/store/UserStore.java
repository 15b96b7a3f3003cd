package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Users, their sessions and the sites' display keys. Runs inside the caller's transaction. */
final class UserStore {
    private static final String USER_COLUMNS = "u.username, u.name, u.role, u.site, u.advisor_id, u.password_hash";

    Optional<Accounts.User> user(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users u WHERE u.username = ?")) {
            ps.setString(1, username);
            return one(ps);
        }
    }

    /** @return false when the user already existed (and was left as it was) */
    boolean insertIfMissing(Connection c, Accounts.User u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO users (username, name, role, site, advisor_id, password_hash) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (username) DO NOTHING
                """)) {
            ps.setString(1, u.username());
            ps.setString(2, u.name());
            ps.setString(3, u.role());
            ps.setString(4, u.siteId());
            ps.setString(5, u.advisorId());
            ps.setString(6, u.passwordHash());
            return ps.executeUpdate() == 1;
        }
    }

    void insertSession(Connection c, String tokenSha256, String username, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sessions (token_sha256, username, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, tokenSha256);
            ps.setString(2, username);
            ps.setString(3, SortableInstant.format(expiresAt));
            ps.executeUpdate();
        }
    }

    Optional<Accounts.User> sessionUser(Connection c, String tokenSha256, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS
                + " FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_sha256 = ? AND s.expires_at > ?")) {
            ps.setString(1, tokenSha256);
            ps.setString(2, SortableInstant.format(now));
            return one(ps);
        }
    }

    /** Removes the session and, while at it, every expired one: sessions never pile up. */
    void deleteSession(Connection c, String tokenSha256, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE token_sha256 = ? OR expires_at <= ?")) {
            ps.setString(1, tokenSha256);
            ps.setString(2, SortableInstant.format(now));
            ps.executeUpdate();
        }
    }

    void insertDisplayKey(Connection c, String keySha256, String site, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO display_keys (key_sha256, site, created_at) VALUES (?, ?, ?)
                ON CONFLICT (key_sha256) DO NOTHING
                """)) {
            ps.setString(1, keySha256);
            ps.setString(2, site);
            ps.setString(3, SortableInstant.format(now));
            ps.executeUpdate();
        }
    }

    Optional<String> displayKeySite(Connection c, String keySha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT site FROM display_keys WHERE key_sha256 = ?")) {
            ps.setString(1, keySha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    Optional<String> setting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void insertSettingIfMissing(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private static Optional<Accounts.User> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                    ? Optional.of(new Accounts.User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    : Optional.empty();
        }
    }
}
