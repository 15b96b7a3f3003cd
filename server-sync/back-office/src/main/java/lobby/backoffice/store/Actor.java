package lobby.backoffice.store;

import java.util.Objects;

/**
 * Who asks for a change to a ticket or the roster, as far as the store's rules care.
 *
 * @param name      recorded with each event (a user name)
 * @param siteId    the site the actor works at; null for a group-wide account
 * @param advisorId the advisor the actor is, or null (a manager)
 * @param manager   may act on any ticket and advisor of the site
 */
public record Actor(String name, String siteId, String advisorId, boolean manager) {
    public Actor {
        Objects.requireNonNull(name, "name");
    }

    public static Actor advisor(String name, String siteId, String advisorId) {
        return new Actor(name, siteId, Objects.requireNonNull(advisorId, "advisorId"), false);
    }

    public static Actor manager(String name, String siteId) {
        return new Actor(name, siteId, null, true);
    }

    boolean worksAt(String site) {
        return siteId == null || siteId.equals(site);
    }
}
