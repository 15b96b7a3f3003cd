package lobby.backoffice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lobby.backoffice.access.Passwords;
import lobby.backoffice.access.Role;
import lobby.backoffice.access.Secrets;
import lobby.backoffice.store.Accounts;
import lobby.backoffice.store.ServerStore;

/**
 * The demo's logins, display key and kiosk tokens. The store keeps only hashes, so the key and
 * tokens are derived (HMAC) from a random secret the database keeps for the demo: seeding again,
 * after a restart, gives the same ones, and a kiosk configured with a token keeps working.
 * Real sites enrol kiosks with one-time codes and make their own keys.
 */
record DemoCredentials(List<String> logins, String displayKey, Map<String, String> kioskTokens) {
    static final String SECRET_SETTING = "demo.secret";
    /** A board URL is typed into a TV's browser now and then: 128 bits is plenty and shorter. */
    static final int DISPLAY_KEY_CHARS = 22;

    static DemoCredentials seed(ServerStore store, Passwords passwords) {
        Accounts accounts = store.accounts();
        List<String> logins = new ArrayList<>();
        for (var a : DemoSite.ADVISORS) {
            addUser(accounts, passwords, a.id(), a.name(), Role.ADVISOR, a.id());
            logins.add(a.id());
        }
        addUser(accounts, passwords, "manager", "服务经理", Role.MANAGER, null);
        addUser(accounts, passwords, "admin", "系统管理员", Role.ADMIN, null);
        logins.add("manager");
        logins.add("admin");

        byte[] secret = accounts.setting(SECRET_SETTING, Secrets::token).getBytes(StandardCharsets.UTF_8);
        String displayKey = derive(secret, "display-key:" + DemoSite.SITE_ID).substring(0, DISPLAY_KEY_CHARS);
        accounts.addDisplayKey(DemoSite.SITE_ID, displayKey);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String kiosk : DemoSite.KIOSK_IDS) {
            String token = derive(secret, "kiosk-token:" + kiosk);
            store.kiosks().saveToken(DemoSite.SITE_ID, kiosk, token);
            tokens.put(kiosk, token);
        }
        return new DemoCredentials(logins, displayKey, tokens);
    }

    /** Hashing is slow on purpose, so users already there are left alone rather than hashed again. */
    private static void addUser(Accounts accounts, Passwords passwords, String username, String name, Role role,
                                String advisorId) {
        if (accounts.user(username).isEmpty()) {
            accounts.addUserIfMissing(new Accounts.User(username, name, role.name(), DemoSite.SITE_ID, advisorId,
                    passwords.hash(DemoSite.PASSWORD)));
        }
    }

    private static String derive(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JVM", e);
        }
    }

    /** Hides the secrets: this may end up in a log line. */
    @Override
    public String toString() {
        return "DemoCredentials[" + logins + "]";
    }
}
