package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RendezvousTest {
    private static final List<String> ROSTER = List.of("adv-chen", "adv-li", "adv-huang");

    @Test
    void theHighestWeightWinsWhateverTheOrderOfTheRoster() {
        Random random = new Random(6);
        for (int i = 0; i < 200; i++) {
            String ticket = "t-" + i;
            String best = ROSTER.stream()
                    .max((a, b) -> Long.compareUnsigned(Rendezvous.weight(ticket, a), Rendezvous.weight(ticket, b)))
                    .orElseThrow();
            List<String> shuffled = new ArrayList<>(ROSTER);
            Collections.shuffle(shuffled, random);
            assertEquals(Optional.of(best), Rendezvous.choose(ticket, shuffled), ticket + " with " + shuffled);
        }
    }

    @Test
    void theWeightIsTheFirstEightBytesOfSha256OfTicketColonAdvisor() {
        // printf 't-1:adv-li' | sha256sum: a13ad2809e01487a45a2f1af...; any server, any version, the same.
        assertEquals(Long.parseUnsignedLong("a13ad2809e01487a", 16), Rendezvous.weight("t-1", "adv-li"));
    }

    @Test
    void anAdvisorLeavingMovesOnlyTheirOwnTickets() {
        List<String> without = List.of("adv-chen", "adv-huang");
        for (int i = 0; i < 300; i++) {
            String ticket = "t-" + i;
            String before = Rendezvous.choose(ticket, ROSTER).orElseThrow();
            String after = Rendezvous.choose(ticket, without).orElseThrow();
            if (!before.equals("adv-li")) {
                assertEquals(before, after, ticket + " was not adv-li's and stays where it was");
            }
        }
    }

    @Test
    void ticketsShareOutAmongTheAdvisorsAndNobodyOnDutyMeansNobody() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            counts.merge(Rendezvous.choose("ticket-" + i, ROSTER).orElseThrow(), 1, Integer::sum);
        }
        for (String advisor : ROSTER) {
            int n = counts.getOrDefault(advisor, 0);
            assertTrue(n > 850 && n < 1150, advisor + " got " + n + " of 3000: " + counts);
        }
        assertEquals(Optional.empty(), Rendezvous.choose("t-1", List.of()));
    }
}
