package lobby.kiosk.checkin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import lobby.checkin.Advisor;
import lobby.checkin.Masking;
import lobby.checkin.Ticket;
import lobby.printer.TicketLayout;

/** The standard queue ticket: what a customer reads, in Chinese first with English beside it. */
final class TicketLayouts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TicketLayouts() {
    }

    /** @param statusUrl the ticket's status page for the QR code, or null; @param note printed when not null */
    static TicketLayout standard(String shopName, Ticket t, Advisor advisor, String statusUrl, Message note,
                                 ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add("业务 " + t.kind().chinese() + " " + t.kind().english()); // 32 columns on a 58 mm roll
        lines.add(advisor == null ? "顾问 请稍候，将由空闲顾问接待"
                : "顾问 " + advisor.name() + "  " + advisor.desk() + "号台 Desk " + advisor.desk());
        lines.add(t.estimatedWaitMinutes() == 0 ? "预计等待 马上接待  Wait: now"
                : "预计等待 约" + t.estimatedWaitMinutes() + "分钟  Wait: ~" + t.estimatedWaitMinutes() + " min");
        if (t.plate() != null && !t.plate().isBlank()) {
            lines.add("车牌 " + Masking.plate(t.plate()));
        }
        lines.add("时间 " + TIME.format(t.issuedAt().atZone(zone)));
        if (note != null) {
            lines.add(note.chinese());
        }
        return new TicketLayout(shopName, t.number(), lines, statusUrl,
                List.of("请留意叫号，扫码查看排队进度", "Please watch for your number.", "Scan for live queue status."));
    }

    static String statusUrl(String statusBaseUrl, Ticket t) {
        return statusBaseUrl.endsWith("/") ? statusBaseUrl + t.id() : statusBaseUrl + "/" + t.id();
    }
}
