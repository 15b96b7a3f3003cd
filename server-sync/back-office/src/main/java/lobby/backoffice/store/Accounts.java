package lobby.backoffice.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Users, sessions and display keys. Secrets are handed in as they are and stored only as hashes
 * ({@link Hashes}; passwords arrive already hashed with PBKDF2). Each method is one transaction.
 */
public final class Accounts {
    /**
     * A user as stored.
     *
     * @param role         ADVISOR, MANAGER, ADMIN or DISPLAY
     * @param siteId       null for a dealer group's account that may see every site
     * @param advisorId    the advisor an ADVISOR user is, else null
     * @param passwordHash in the format of lobby.backoffice.access.Passwords
     */
    public record User(String username, String name, String role, String siteId, String advisorId,
                       String passwordHash) {
        /** Without the hash: a user may end up in a log line. */
        @Override
        public String toString() {
            return "User[" + username + ", " + role + ", site " + siteId + ", advisor " + advisorId + "]";
        }
    }

    private final Database db;
    private final UserStore users;
    private final Clock clock;

    Accounts(Database db, UserStore users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    public Optional<User> user(String username) {
        return db.read("reading user " + username, c -> users.user(c, username));
    }

    /** @return false when a user of that name exists already; it is left as it was */
    public boolean addUserIfMissing(User user) {
        return db.write("adding user " + user.username(), c -> users.insertIfMissing(c, user));
    }

    /** Starts a session; expired ones are removed while at it, so the table holds live sessions only. */
    public void startSession(String token, String username, Instant expiresAt) {
        db.write("starting a session for " + username, c -> {
            users.deleteSession(c, "", clock.instant());
            users.insertSession(c, Hashes.sha256(token), username, expiresAt);
            return null;
        });
    }

    /** @return the session's user, or empty for an unknown or expired session */
    public Optional<User> sessionUser(String token) {
        return db.read("reading a session", c -> users.sessionUser(c, Hashes.sha256(token), clock.instant()));
    }

    public void endSession(String token) {
        db.write("ending a session", c -> {
            users.deleteSession(c, Hashes.sha256(token), clock.instant());
            return null;
        });
    }

    public void addDisplayKey(String siteId, String key) {
        db.write("adding a display key for site " + siteId, c -> {
            users.insertDisplayKey(c, Hashes.sha256(key), siteId, clock.instant());
            return null;
        });
    }

    /** @return the site whose board the key opens, or empty */
    public Optional<String> displayKeySite(String key) {
        return db.read("checking a display key", c -> users.displayKeySite(c, Hashes.sha256(key)));
    }

    /** A value the back office keeps for itself, created by {@code initial} the first time it is asked for. */
    public String setting(String name, Supplier<String> initial) {
        return db.write("reading setting " + name, c -> {
            Optional<String> found = users.setting(c, name);
            if (found.isPresent()) {
                return found.get();
            }
            users.insertSettingIfMissing(c, name, initial.get());
            return users.setting(c, name).orElseThrow();
        });
    }
}
