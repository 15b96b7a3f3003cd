package lobby.backoffice.access;

import io.javalin.http.ForbiddenResponse;
import lobby.backoffice.store.Actor;

/**
 * Who is calling, once authenticated: a user, a kiosk or a display. This is also the JSON of
 * {@code /api/me} and of a successful login.
 *
 * @param username  the login name; for a kiosk its id; "display" for a display key
 * @param siteId    the site the caller belongs to; null for a dealer group's account (every site)
 * @param advisorId the advisor an ADVISOR user is, else null
 */
public record Principal(String username, String name, Role role, String advisorId, String siteId) {
    public boolean worksAt(String site) {
        return siteId == null || siteId.equals(site);
    }

    /** @throws ForbiddenResponse when the caller belongs to another site */
    public void requireSite(String site) {
        if (!worksAt(site)) {
            throw new ForbiddenResponse(role + " " + username + " belongs to site " + siteId + ", not " + site);
        }
    }

    /** The caller as the ticket rules see them: only a manager may act on any ticket. */
    public Actor actor() {
        return new Actor(username, siteId, advisorId, role == Role.MANAGER);
    }
}
