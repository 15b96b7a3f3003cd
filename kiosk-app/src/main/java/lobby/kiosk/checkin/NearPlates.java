package lobby.kiosk.checkin;

import java.util.List;
import java.util.Optional;
import lobby.checkin.Appointment;
import lobby.checkin.Plate;

/**
 * "Did you mean...": a typed plate one character away from exactly one of today's bookings
 * (a slip on the keyboard) is offered for confirmation instead of failing. Two candidates
 * are not a match: the customer would be shown someone else's booking.
 */
final class NearPlates {
    private NearPlates() {
    }

    static Optional<Appointment> closest(String typed, List<Appointment> today) {
        String key = Plate.matchKey(typed);
        List<Appointment> near = today.stream().filter(a -> oneApart(key, Plate.matchKey(a.plate()))).toList();
        return near.size() == 1 ? Optional.of(near.get(0)) : Optional.empty();
    }

    /** One substitution, or one character missing or extra. */
    static boolean oneApart(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (x.length > y.length) {
                i++;
            } else if (y.length > x.length) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (x.length - i) + (y.length - j) == 1;
    }
}
