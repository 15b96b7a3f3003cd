package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lobby.backoffice.store.TicketRules.Action;
import lobby.backoffice.store.TicketRules.Status;
import org.junit.jupiter.api.Test;

class TicketRulesTest {
    /** Every status an action may start from, and where it leads: the whole table, so a change shows. */
    @Test
    void theTransitionTableMovesForwardOnly() {
        List<String> allowed = new ArrayList<>();
        for (Action a : Action.values()) {
            for (Status s : Status.values()) {
                if (TicketRules.conflict(a, "B001", s).isEmpty()) {
                    allowed.add(a + " " + s + " -> " + a.after(s));
                }
            }
        }
        assertEquals(List.of(
                "ACKNOWLEDGE WAITING -> WAITING", "ACKNOWLEDGE CALLED -> CALLED",
                "CALL WAITING -> CALLED",
                "RECALL CALLED -> CALLED",
                "TRANSFER WAITING -> WAITING", "TRANSFER CALLED -> CALLED", "TRANSFER SERVING -> SERVING",
                "START CALLED -> SERVING",
                "DONE SERVING -> DONE",
                "NO_SHOW WAITING -> NO_SHOW", "NO_SHOW CALLED -> NO_SHOW",
                "CANCEL WAITING -> CANCELLED", "CANCEL CALLED -> CANCELLED"), allowed);
        for (String line : allowed) {
            String[] parts = line.split(" ");
            assertTrue(Status.valueOf(parts[3]).ordinal() >= Status.valueOf(parts[1]).ordinal(), line);
        }
    }

    @Test
    void aRefusalSaysWhereTheTicketIsAndWhatTheActionNeeds() {
        String why = TicketRules.conflict(Action.START, "A003", Status.DONE).orElseThrow();
        assertEquals("cannot start ticket A003: it is DONE and finished; start needs [CALLED]", why);
    }

    @Test
    void firstContactOwnsTheTicketManagersMayActOnAny() {
        Actor chen = Actor.advisor("adv-chen", "demo", "adv-chen");
        Actor boss = Actor.manager("manager", "demo");
        assertTrue(TicketRules.forbidden(chen, Action.CALL, "B001", "adv-chen").isEmpty());
        assertTrue(TicketRules.forbidden(chen, Action.CALL, "B001", null).isEmpty(), "nobody's ticket");
        assertTrue(TicketRules.forbidden(boss, Action.DONE, "B001", "adv-li").isEmpty());
        String why = TicketRules.forbidden(chen, Action.TRANSFER, "B001", "adv-li").orElseThrow();
        assertTrue(why.contains("belongs to advisor adv-li") && why.contains("transfer it to adv-chen"), why);
        assertTrue(Action.CALL.takesOwnership() && Action.ACKNOWLEDGE.takesOwnership());
        assertTrue(!Action.TRANSFER.takesOwnership() && !Action.NO_SHOW.takesOwnership());
    }
}
