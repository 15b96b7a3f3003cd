package lobby.backoffice.stats;

/**
 * What the managers read for a set of visits. Averages are in seconds to a tenth, the share is
 * 0 to 1 to three places; each is null when there was nothing to measure.
 *
 * @param avgWaitToAckSeconds  check-in to the advisor acknowledging the lamp
 * @param avgWaitToCallSeconds check-in to the customer being called
 * @param avgServiceSeconds    start to done at the desk
 * @param greetedWithinTargetShare share of visits greeted (acknowledged or called) within the target
 */
public record Figures(int visits, Double avgWaitToAckSeconds, Double avgWaitToCallSeconds, Double avgServiceSeconds,
                      Double greetedWithinTargetShare, int noShows) {
}
