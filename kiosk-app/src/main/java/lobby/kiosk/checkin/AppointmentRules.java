package lobby.kiosk.checkin;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;

/**
 * When a booked customer may check in as booked: from {@code early} before the slot to
 * {@code late} after it. Earlier, they are told when their advisor expects them and may still
 * take a ticket; later, they queue as a walk-in, with a note.
 */
public record AppointmentRules(Duration early, Duration late) {
    public static final Duration DEFAULT_EARLY = Duration.ofMinutes(30);
    public static final Duration DEFAULT_LATE = Duration.ofMinutes(15);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public enum Timing { ON_TIME, EARLY, LATE }

    public AppointmentRules {
        if (early.isNegative() || late.isNegative()) {
            throw new IllegalArgumentException("appointment windows cannot be negative: early " + early + ", late " + late);
        }
    }

    public static AppointmentRules defaults() {
        return new AppointmentRules(DEFAULT_EARLY, DEFAULT_LATE);
    }

    public Timing timing(Appointment a, LocalDateTime now) {
        LocalDateTime slot = a.day().atTime(a.time());
        if (now.isBefore(slot.minus(early))) {
            return Timing.EARLY;
        }
        if (now.isAfter(slot.plus(late))) {
            return Timing.LATE;
        }
        return Timing.ON_TIME;
    }

    /** What the customer reads about the timing; null when on time. */
    Message note(Timing timing, Appointment a, Advisor advisor) {
        String time = HH_MM.format(a.time());
        String who = advisor == null ? "" : advisor.name();
        return switch (timing) {
            case ON_TIME -> null;
            case EARLY -> new Message(
                    "您预约的时间是 " + time + "，" + (who.isEmpty() ? "顾问" : who + " 顾问") + "届时接待您。现在也可以取号等候。",
                    "Your appointment is at " + time + (who.isEmpty() ? "" : " with " + who)
                            + ". You can take a ticket and wait now.");
            case LATE -> new Message(
                    "您预约的时间 " + time + " 已过 " + late.toMinutes() + " 分钟以上，将按现场客户排队，敬请谅解。",
                    "Your appointment at " + time + " was more than " + late.toMinutes()
                            + " minutes ago, so you will queue as a walk-in. Sorry for the wait.");
        };
    }
}
