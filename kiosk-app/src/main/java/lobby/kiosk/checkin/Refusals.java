package lobby.kiosk.checkin;

import java.time.LocalDate;
import lobby.checkin.Plate;

/** The things the kiosk says when it cannot issue a ticket straight away, in both languages. */
final class Refusals {
    static final ScanOutcome EMPTY = refused("请扫描预约二维码或输入车牌", "Please scan your appointment code or type your plate");
    static final ScanOutcome NOT_OURS = refused("无法识别此二维码，它不是本店的预约码。可以直接取号。",
            "This code is not one of our appointment codes. You can take a walk-in ticket.");
    static final ScanOutcome DAMAGED = refused("二维码不完整，请重新扫描，或输入车牌。",
            "The code could not be read completely. Please scan again or type your plate.");
    static final ScanOutcome FORGED = refused("此二维码无法验证，请到前台咨询或直接取号。",
            "This code cannot be verified. Please ask at the desk or take a walk-in ticket.");
    static final ScanOutcome CANCELLED = refused("没有找到这个预约，可能已取消。可以直接取号。",
            "This appointment was not found; it may have been cancelled. You can take a walk-in ticket.");
    static final ScanOutcome CANNOT_CHECK = refused("暂时无法核对预约，请直接取号，顾问会为您处理。",
            "Appointments cannot be checked right now. Please take a walk-in ticket; an advisor will help.");
    static final Message ALREADY = new Message("您已签到，这是您的号码。", "You are already checked in; this is your number.");
    static final Message REPRINTED = new Message("小票已补打过一次，请向顾问出示号码。",
            "The ticket was already reprinted once; please show your number to an advisor.");

    private Refusals() {
    }

    static ScanOutcome noAppointment(Plate plate) {
        return new ScanOutcome.Refused(new Message("今天没有车牌 " + plate.masked() + " 的预约，可以直接取号。",
                "No appointment today for " + plate.masked() + ". You can take a walk-in ticket."), plate.text());
    }

    static ScanOutcome otherDay(LocalDate day) {
        return refused("您的预约日期是 " + day + "，不是今天。可以直接取号。",
                "Your appointment is on " + day + ", not today. You can take a walk-in ticket.");
    }

    static ScanOutcome otherSite(String site) {
        return refused("这是其他门店（" + site + "）的预约码，不是本店的。可以直接取号。",
                "This appointment is for another shop (" + site + "), not this one. You can take a walk-in ticket.");
    }

    private static ScanOutcome refused(String zh, String en) {
        return new ScanOutcome.Refused(new Message(zh, en), null);
    }
}
