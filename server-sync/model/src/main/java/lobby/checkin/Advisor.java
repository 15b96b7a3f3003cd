package lobby.checkin;

import java.util.Objects;

/**
 * A service advisor on the site's roster.
 *
 * @param desk    desk number shown on the ticket and the lobby board
 * @param lampPin BCM GPIO pin of the desk's call lamp
 */
public record Advisor(String id, String name, int desk, int lampPin, Duty duty) {
    public Advisor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duty, "duty");
        if (desk < 1) {
            throw new IllegalArgumentException("desk must be 1 or more, was " + desk + " for advisor " + id);
        }
    }

    public boolean onDuty() {
        return duty == Duty.ON_DUTY;
    }
}
