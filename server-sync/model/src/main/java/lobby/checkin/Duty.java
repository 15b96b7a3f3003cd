package lobby.checkin;

/** Where an advisor is in the roster; only {@link #ON_DUTY} advisors take walk-ins. */
public enum Duty {
    ON_DUTY, BREAK, LUNCH, OFF
}
