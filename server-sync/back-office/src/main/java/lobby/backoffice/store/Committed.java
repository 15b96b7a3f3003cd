package lobby.backoffice.store;

/**
 * A committed change with its live-event id: per site, increasing in commit order, given out in
 * the transaction that made the change (see {@code site_event_ids}), so it means the same to
 * every back office sharing the database and after a restart.
 */
public record Committed(long eventId, Change change) {
}
