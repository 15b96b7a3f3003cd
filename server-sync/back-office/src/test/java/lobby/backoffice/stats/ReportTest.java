package lobby.backoffice.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lobby.backoffice.store.TicketTimeline;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    private static final Instant T0 = Instant.parse("2025-03-14T01:00:00Z");
    private static final Period PERIOD = Period.of(Period.Kind.DAY, DAY);

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    private static TicketTimeline visit(String advisor, String kind, String status, Double ack, Double call,
                                        Double start, Double done) {
        return new TicketTimeline("t", DAY, kind, advisor, advisor == null ? null : advisor.toUpperCase(), status, T0,
                ack == null ? null : at(ack), call == null ? null : at(call), start == null ? null : at(start),
                done == null ? null : at(done));
    }

    @Test
    void averagesAreOverTheVisitsThatReachedTheStepNotAveragesOfAverages() {
        Report r = Report.of(PERIOD, List.of(
                visit("a", "REPAIR", "DONE", 10.0, 20.0, 30.0, 330.0),
                visit("a", "REPAIR", "DONE", 16.0, 40.0, 50.0, 150.0),
                visit("a", "REPAIR", "WAITING", null, null, null, null),
                visit("b", "REPAIR", "DONE", 4.0, 6.0, 10.0, 70.0)), Duration.ofSeconds(15));

        assertEquals(new Figures(3, 13.0, 30.0, 200.0, 0.333, 0), r.rows().get(0).figures());
        assertEquals(new Figures(1, 4.0, 6.0, 60.0, 1.0, 0), r.rows().get(1).figures());
        assertEquals(new Figures(4, 10.0, 22.0, 153.3, 0.5, 0), r.total());
    }

    @Test
    void theGreetingIsTheFirstOfAcknowledgementAndCallAndTheTargetIsInclusive() {
        Report r = Report.of(PERIOD, List.of(
                visit("a", "PICKUP", "CALLED", null, 15.0, null, null),
                visit("a", "PICKUP", "CALLED", 15.001, 40.0, null, null),
                visit("a", "PICKUP", "NO_SHOW", 30.0, 5.0, null, null)), Duration.ofSeconds(15));
        assertEquals(new Figures(3, 22.5, 20.0, null, 0.667, 1), r.total());
    }

    @Test
    void cancelledTicketsAreNoVisitsAndNobodysVisitsComeLast() {
        Report r = Report.of(PERIOD, List.of(
                visit(null, "ENQUIRY", "WAITING", null, null, null, null),
                visit("z", "ENQUIRY", "CANCELLED", 1.0, 2.0, null, null),
                visit("a", "BREAKDOWN", "DONE", 1.0, 2.0, 3.0, 4.0),
                visit("a", "MAINTENANCE", "DONE", 1.0, 2.0, 3.0, 4.0)), Duration.ofSeconds(15));
        assertEquals(List.of("a MAINTENANCE", "a BREAKDOWN", "null ENQUIRY"),
                r.rows().stream().map(x -> x.advisorId() + " " + x.kind()).toList());
        assertEquals(3, r.total().visits());
        assertEquals(new Figures(0, null, null, null, null, 0), Report.of(PERIOD, List.of(), Duration.ofSeconds(15)).total());
    }
}
