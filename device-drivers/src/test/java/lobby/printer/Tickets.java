package lobby.printer;

import java.util.List;

/** Ticket layouts shaped like the kiosk's, for tests. */
final class Tickets {
    static final String ADVISOR_LINE = "顾问: 李明 (3号台) / Advisor Li Ming, desk 3";
    static final String STATUS_LINK = "https://lobby.example.cn/s/7Q2K9XRM";

    private Tickets() {
    }

    /** A full ticket as the kiosk prints it at the service reception. */
    static TicketLayout typical() {
        return new TicketLayout("上海浦东汽车服务中心", "A012",
                List.of("服务: 常规保养 / Maintenance", ADVISOR_LINE, "预计等待: 约15分钟 / about 15 min",
                        "车牌: 沪A***23", "2026-11-22 09:41"),
                STATUS_LINK,
                List.of("请留意叫号灯, 过号请至前台", "Please watch the call lamp"));
    }
}
