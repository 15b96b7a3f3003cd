package lobby.kiosk.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.checkin.Plate;
import lobby.checkin.VisitKind;
import lobby.device.DeviceHealth;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.store.QueueStore;
import lobby.kiosk.store.RosterStore.SiteInfo;
import lobby.lamp.CallLamps;
import lobby.printer.PrintOutcome;
import lobby.printer.TicketPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in model that the screens, the console and the tests drive: a scan, a typed plate
 * or a walk-in becomes a committed ticket, then a printed ticket, a lit lamp and a sync.
 * Thread-safe; slow (printing), so screens call it off their UI thread.
 */
public final class CheckInDesk {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInDesk.class);

    private final String siteId;
    private final String kioskId;
    private final KioskStore store;
    private final TicketPrinter printer;
    private final CallLamps lamps;
    private final Runnable afterWrite;
    private final Clock clock;
    private final ZoneId zone;

    /** @param afterWrite called after each committed check-in, e.g. to drain the outbox */
    public CheckInDesk(String siteId, String kioskId, KioskStore store, TicketPrinter printer, CallLamps lamps,
                       Runnable afterWrite, Clock clock) {
        this.siteId = siteId;
        this.kioskId = kioskId;
        this.store = store;
        this.printer = printer;
        this.lamps = lamps;
        this.afterWrite = afterWrite;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** Whatever the scanner read or the customer typed on the welcome screen. */
    public ScanOutcome scan(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return refused("请扫描预约二维码或输入车牌", "Please scan your appointment code or type your plate", null);
        }
        if (text.startsWith("LKA")) {
            return appointmentCode(text);
        }
        Plate.Parsed plate = Plate.parse(text);
        if (plate.valid()) {
            return plate(plate.plate());
        }
        if (text.codePointCount(0, text.length()) <= 10 && Plate.PROVINCES.indexOf(text.codePointAt(0)) >= 0) {
            Plate.Problem p = plate.problem();
            if (p == Plate.Problem.LETTER_I_OR_O) {
                // Plates never hold I or O, so the customer meant 1 or 0: look for the booking anyway.
                List<Appointment> found = store.roster().appointmentsByPlate(text, today());
                if (!found.isEmpty()) {
                    return checkIn(found.get(0), found.get(0).kind(), true);
                }
            }
            return refused(p.chinese(), p.english(), null);
        }
        return refused("无法识别此二维码，它不是本店的预约码。可以直接取号。",
                "This code is not one of our appointment codes. You can take a walk-in ticket.", null);
    }

    /** A typed plate: today's appointment for it, or the walk-in path if there is none. */
    public ScanOutcome plate(Plate plate) {
        List<Appointment> found = store.roster().appointmentsByPlate(plate.text(), today());
        if (found.isEmpty()) {
            return refused("今天没有车牌 " + plate.masked() + " 的预约，可以直接取号。",
                    "No appointment today for " + plate.masked() + ". You can take a walk-in ticket.", plate.text());
        }
        return checkIn(found.get(0), found.get(0).kind(), true);
    }

    /** A customer without an appointment. */
    public ScanOutcome walkIn(VisitKind kind, boolean waitInLounge, String plate) {
        return deliver(store.queue().checkIn(new QueueStore.NewCheckIn(siteId, kioskId, today(), clock.instant(),
                kind, null, plate, waitInLounge)));
    }

    private ScanOutcome appointmentCode(String payload) {
        Optional<SiteInfo> site = store.roster().site();
        if (site.isEmpty()) {
            return refused("暂时无法核对预约，请直接取号，顾问会为您处理。",
                    "Appointments cannot be checked right now. Please take a walk-in ticket; an advisor will help.",
                    null);
        }
        byte[] key = Base64.getDecoder().decode(site.get().qrKeyBase64());
        AppointmentCode.Read read = AppointmentCode.read(payload, siteId, key);
        if (read instanceof AppointmentCode.Valid valid) {
            Optional<Appointment> appointment = store.roster().appointment(valid.appointmentId());
            if (appointment.isEmpty()) {
                return refused("没有找到这个预约，可能已取消。可以直接取号。",
                        "This appointment was not found; it may have been cancelled. You can take a walk-in ticket.",
                        null);
            }
            Appointment a = appointment.get();
            if (!a.day().equals(today())) {
                return refused("这个预约在 " + a.day() + "，不是今天。可以直接取号。",
                        "This appointment is for " + a.day() + ", not today. You can take a walk-in ticket.",
                        a.plate());
            }
            return checkIn(a, a.kind(), true);
        }
        if (read instanceof AppointmentCode.Forged) {
            return refused("此二维码不属于本店的预约，请到前台咨询或直接取号。",
                    "This code is not an appointment at this shop. Please ask at the desk or take a walk-in ticket.",
                    null);
        }
        LOG.info("unreadable appointment code: {}", read);
        return refused("二维码不完整，请重新扫描，或输入车牌。",
                "The code could not be read completely. Please scan again or type your plate.", null);
    }

    private ScanOutcome checkIn(Appointment a, VisitKind kind, boolean waitInLounge) {
        return deliver(store.queue().checkIn(new QueueStore.NewCheckIn(siteId, kioskId, today(), clock.instant(),
                kind, a, a.plate(), waitInLounge)));
    }

    /** After the commit: paper, lamp, sync. None of them can take the number away again. */
    private ScanOutcome deliver(QueueStore.Issued issued) {
        Advisor advisor = issued.advisor().orElse(null);
        if (issued.existing() && store.queue().printed(issued.ticket().id())) {
            // Already checked in and the ticket came out then: show it, do not issue or page again.
            return new ScanOutcome.Issued(issued.ticket(), advisor,
                    new PrintOutcome(true, printer.health(), "printed at check-in"), null, true);
        }
        SiteInfo site = store.roster().site().orElse(new SiteInfo(siteId, "", "", "", clock.instant()));
        PrintOutcome print = printer.print(TicketLayouts.standard(site.name(), issued.ticket(), advisor,
                site.statusBaseUrl(), zone));
        store.queue().recordPrint(issued.ticket().id(), print.printed(), print.message());
        DeviceHealth lamp = advisor == null || issued.existing() ? null : lamps.light(advisor.desk());
        if (!issued.existing()) {
            afterWrite.run();
        }
        LOG.info("ticket {} for {} at desk {}: print {}, lamp {}", issued.ticket().number(),
                advisor == null ? "next free advisor" : advisor.name(), advisor == null ? "-" : advisor.desk(),
                print.printed() ? "ok" : print.message(), lamp);
        return new ScanOutcome.Issued(issued.ticket(), advisor, print, lamp, issued.existing());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static ScanOutcome refused(String zh, String en, String plate) {
        return new ScanOutcome.Refused(new Message(zh, en), plate);
    }
}
