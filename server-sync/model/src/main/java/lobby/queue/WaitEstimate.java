package lobby.queue;

import java.time.Duration;

/**
 * The wait printed on a ticket: the customers ahead of this one at the same advisor times the
 * recent average reception time. Deliberately simple and explainable to a customer.
 */
public final class WaitEstimate {
    /** Used until the site has its own recent figures. */
    public static final Duration DEFAULT_RECEPTION_TIME = Duration.ofMinutes(8);

    private WaitEstimate() {
    }

    public static int minutes(int waitingAhead, Duration averageReception) {
        if (waitingAhead <= 0) {
            return 0;
        }
        long perCustomer = Math.max(1, averageReception.toSeconds());
        return (int) Math.ceil(waitingAhead * perCustomer / 60.0);
    }
}
