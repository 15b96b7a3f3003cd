package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.Duty;
import lobby.checkin.VisitKind;
import lobby.sync.QueueEntry;
import org.junit.jupiter.api.Test;

class ChangeCodecTest {
    private final ChangeCodec codec = new ChangeCodec();

    private static Change ticket(String id, String name) {
        return new Change.TicketChanged("demo", new QueueEntry(id, "B001", "REPAIR", "adv-chen", name, 1, "粤A·***45",
                "WAITING", Instant.parse("2025-03-14T01:00:00Z"), "k", null, false));
    }

    private List<ChangeCodec.Decoded> roundTrip(List<Committed> in) {
        List<ChangeCodec.Decoded> out = new ArrayList<>();
        for (String payload : codec.encode(in)) {
            assertTrue(payload.getBytes(StandardCharsets.UTF_8).length <= ChangeCodec.MAX_PAYLOAD_BYTES, payload);
            out.addAll(codec.decode(payload));
        }
        return out;
    }

    @Test
    void everyKindOfChangeArrivesWholeInOrder() {
        List<Committed> in = List.of(new Committed(7, ticket("t1", "陈志强")),
                new Committed(8, new Change.TicketCalled("demo", "t1", "B001", 1, true)),
                new Committed(9, new Change.AdvisorChanged("demo", new Advisor("adv-chen", "陈志强", 1, 17, Duty.BREAK))),
                new Committed(10, new Change.AppointmentChanged("demo", new Appointment("20250314-K7QX2M", "demo",
                        LocalDate.of(2025, 3, 14), LocalTime.of(9, 30), "粤AD73521", "欧阳俊杰", VisitKind.ACCIDENT,
                        null))));
        assertEquals(1, codec.encode(in).size(), "small changes share one notification");
        List<ChangeCodec.Decoded> out = roundTrip(in);
        assertEquals(in.stream().map(Committed::change).toList(), out.stream().map(ChangeCodec.Decoded::change).toList());
        assertEquals(List.of(7L, 8L, 9L, 10L), out.stream().map(ChangeCodec.Decoded::id).toList());
    }

    @Test
    void manyChangesSpreadOverNotificationsAndAnOversizedOneBecomesAResync() {
        List<Committed> in = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            in.add(new Committed(i, ticket("t" + i, "陈志强")));
        }
        in.add(new Committed(101, ticket("huge", "名".repeat(3_000))));
        assertTrue(codec.encode(in).size() > 1);
        List<ChangeCodec.Decoded> out = roundTrip(in);
        assertEquals(101, out.size());
        assertEquals(in.subList(0, 100).stream().map(Committed::change).toList(),
                out.subList(0, 100).stream().map(ChangeCodec.Decoded::change).toList());
        assertTrue(out.get(100).resync());
        assertEquals("demo", out.get(100).site());
    }

    @Test
    void foreignTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> codec.decode("{\"not\":\"ours\"}"));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("[{\"id\":1}]"));
    }
}
