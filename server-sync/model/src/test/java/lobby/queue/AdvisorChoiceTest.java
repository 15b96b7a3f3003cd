package lobby.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import org.junit.jupiter.api.Test;

class AdvisorChoiceTest {
    private final Advisor li = new Advisor("li", "李娜", 1, 17, Duty.ON_DUTY);
    private final Advisor wang = new Advisor("wang", "王强", 2, 27, Duty.ON_DUTY);
    private final Advisor zhao = new Advisor("zhao", "赵敏", 3, 22, Duty.LUNCH);

    @Test
    void bookedAdvisorOnDutyReceivesTheCustomer() {
        assertEquals(wang, AdvisorChoice.choose("wang", List.of(li, wang, zhao), "wang").orElseThrow());
    }

    @Test
    void walkInsTakeTurnsSkippingAdvisorsAtLunch() {
        List<Advisor> roster = List.of(zhao, wang, li);
        assertEquals(li, AdvisorChoice.choose(null, roster, null).orElseThrow());
        assertEquals(wang, AdvisorChoice.choose(null, roster, "li").orElseThrow());
        assertEquals(li, AdvisorChoice.choose(null, roster, "wang").orElseThrow());
        // zhao is at lunch: after zhao's desk the turn wraps to the first desk.
        assertEquals(li, AdvisorChoice.choose(null, roster, "zhao").orElseThrow());
    }

    @Test
    void bookedAdvisorAtLunchFallsBackToTheTurn() {
        assertEquals(li, AdvisorChoice.choose("zhao", List.of(li, wang, zhao), "wang").orElseThrow());
    }

    @Test
    void nobodyOnDutyIsAnEmptyChoiceNotACrash() {
        assertTrue(AdvisorChoice.choose(null, List.of(zhao), null).isEmpty());
    }

    @Test
    void waitGrowsWithTheCustomersAhead() {
        assertEquals(0, WaitEstimate.minutes(0, WaitEstimate.DEFAULT_RECEPTION_TIME));
        assertEquals(16, WaitEstimate.minutes(2, WaitEstimate.DEFAULT_RECEPTION_TIME));
    }
}
