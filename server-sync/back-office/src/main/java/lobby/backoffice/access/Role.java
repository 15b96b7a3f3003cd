package lobby.backoffice.access;

import io.javalin.security.RouteRole;

/**
 * Who may call an endpoint. Every /api route names its roles when it is registered; the
 * {@link Guard} checks them before the handler runs.
 */
public enum Role implements RouteRole {
    /** A service advisor: works the queue, acts on own tickets and nobody's. */
    ADVISOR,
    /** Service manager: any ticket and advisor of the site, and the statistics. */
    MANAGER,
    /** Sets up kiosks and sees the devices. */
    ADMIN,
    /** A kiosk with its token: pushes check-ins, reads its site's snapshot, sends heartbeats. */
    KIOSK,
    /** The lobby TV: the board and its live events, nothing personal. */
    DISPLAY,
    /** No credentials needed: health, login, enrolment, a ticket's public status. */
    ANYONE
}
