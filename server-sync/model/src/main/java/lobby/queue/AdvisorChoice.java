package lobby.queue;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lobby.checkin.Advisor;

/**
 * Who receives a customer. The booked advisor when on duty; otherwise advisors take turns
 * (轮流值岗): the next on-duty advisor by desk after the one who took the last walk-in.
 */
public final class AdvisorChoice {
    private AdvisorChoice() {
    }

    /**
     * @param booked            the booked (or regular) advisor's id, or null
     * @param roster            everyone on the site's roster
     * @param lastTurnAdvisorId who took the previous walk-in, or null at the start of the day
     * @return empty only when nobody is on duty at all
     */
    public static Optional<Advisor> choose(String booked, List<Advisor> roster, String lastTurnAdvisorId) {
        if (booked != null) {
            Optional<Advisor> own = roster.stream().filter(a -> a.id().equals(booked) && a.onDuty()).findFirst();
            if (own.isPresent()) {
                return own;
            }
        }
        return nextInTurn(roster, lastTurnAdvisorId);
    }

    public static Optional<Advisor> nextInTurn(List<Advisor> roster, String lastTurnAdvisorId) {
        List<Advisor> onDuty = roster.stream().filter(Advisor::onDuty)
                .sorted(Comparator.comparingInt(Advisor::desk).thenComparing(Advisor::id)).toList();
        if (onDuty.isEmpty()) {
            return Optional.empty();
        }
        Advisor last = roster.stream().filter(a -> a.id().equals(lastTurnAdvisorId)).findFirst().orElse(null);
        if (last == null) {
            return Optional.of(onDuty.get(0));
        }
        // The advisor after the last one by desk, even if the last one has since gone on break.
        for (Advisor a : onDuty) {
            if (a.desk() > last.desk() || (a.desk() == last.desk() && a.id().compareTo(last.id()) > 0)) {
                return Optional.of(a);
            }
        }
        return Optional.of(onDuty.get(0));
    }
}
