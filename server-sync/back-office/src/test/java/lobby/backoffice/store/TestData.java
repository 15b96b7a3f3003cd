package lobby.backoffice.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.sync.KioskOp;

/** Small builders for store tests: a site "gz01" with two advisors on duty and one on a break, and ops for its tickets. */
final class TestData {
    static final String SITE = "gz01";
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final Instant MORNING = Instant.parse("2025-03-14T01:00:00Z");
    static final List<Advisor> ROSTER = List.of(
            new Advisor("adv-a", "陈志强", 1, 17, Duty.ON_DUTY),
            new Advisor("adv-b", "李晓婷", 2, 27, Duty.ON_DUTY),
            new Advisor("adv-c", "黄伟明", 3, 22, Duty.BREAK));

    private TestData() {
    }

    static void saveSite(ServerStore store) {
        store.saveSite(SITE, "测试店", "http://localhost/t", ROSTER, List.of());
    }

    static Ticket ticket(String id, String kiosk, String number, String advisor, String plate, Instant issuedAt) {
        return new Ticket(id, SITE, kiosk, DAY, number, VisitKind.MAINTENANCE, advisor, null, plate, false,
                issuedAt, 8);
    }

    static KioskOp op(String kiosk, long seq) {
        return KioskOp.checkIn("op-" + kiosk + "-" + seq, kiosk, seq,
                ticket("t-" + kiosk + "-" + seq, kiosk, "B" + String.format("%03d", seq), "adv-a", "粤A12345",
                        MORNING.plusSeconds(seq)));
    }
}
