package lobby.kiosk.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.checkin.Plate;
import lobby.checkin.Ticket;
import lobby.checkin.VisitKind;
import lobby.device.DeviceHealth;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.store.QueueStore;
import lobby.kiosk.store.QueueStore.NewCheckIn;
import lobby.kiosk.store.RosterStore.SiteInfo;
import lobby.lamp.CallLamps;
import lobby.printer.PrintOutcome;
import lobby.printer.TicketPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in model that the screens, the console and the tests drive. A scan or a typed
 * plate finds today's appointment ({@link ScanOutcome.Found}), which the customer confirms; a
 * confirmation or a walk-in becomes a committed ticket, then paper, a lit lamp and a sync.
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
    private final AppointmentRules rules;

    /** @param afterWrite called after each committed check-in, e.g. to drain the outbox */
    public CheckInDesk(String siteId, String kioskId, KioskStore store, TicketPrinter printer, CallLamps lamps,
                       Runnable afterWrite, Clock clock, AppointmentRules rules) {
        this.siteId = siteId;
        this.kioskId = kioskId;
        this.store = store;
        this.printer = printer;
        this.lamps = lamps;
        this.afterWrite = afterWrite;
        this.clock = clock;
        this.rules = rules;
    }

    public CheckInDesk(String siteId, String kioskId, KioskStore store, TicketPrinter printer, CallLamps lamps,
                       Runnable afterWrite, Clock clock) {
        this(siteId, kioskId, store, printer, lamps, afterWrite, clock, AppointmentRules.defaults());
    }

    /** Whatever the scanner read or the customer typed: an appointment QR payload or a plate. */
    public ScanOutcome scan(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return Refusals.EMPTY;
        }
        if (text.startsWith("LKA")) {
            return appointmentCode(text);
        }
        if (text.codePointCount(0, text.length()) <= 10 && Plate.PROVINCES.indexOf(text.codePointAt(0)) >= 0) {
            return plate(text);
        }
        return Refusals.NOT_OURS;
    }

    /** A typed plate: today's appointment for it (exact, then O/0 I/1 tolerant, then near), or the walk-in path. */
    public ScanOutcome plate(String typed) {
        Plate.Parsed parsed = Plate.parse(typed);
        List<Appointment> exact = store.roster().appointmentsByPlate(typed, today());
        if (!exact.isEmpty()) {
            return found(exact.get(0), false);
        }
        if (!parsed.valid()) {
            return new ScanOutcome.Refused(new Message(parsed.problem().chinese(), parsed.problem().english()), null);
        }
        Optional<Appointment> near = NearPlates.closest(parsed.plate().text(), store.roster().appointments(today()));
        if (near.isPresent()) {
            return found(near.get(), true);
        }
        return Refusals.noAppointment(parsed.plate());
    }

    /** The customer confirmed the appointment shown: issue its ticket (or show the one it has). */
    public ScanOutcome confirm(Appointment a) {
        Advisor advisor = store.roster().advisor(a.advisorId()).orElse(null);
        AppointmentRules.Timing timing = rules.timing(a, now());
        boolean late = timing == AppointmentRules.Timing.LATE;
        return deliver(store.queue().checkIn(new NewCheckIn(siteId, kioskId, today(), clock.instant(), a.kind(), a,
                a.plate(), true, late)), late ? rules.note(timing, a, advisor) : null);
    }

    /** A customer without an appointment. */
    public ScanOutcome walkIn(VisitKind kind, boolean waitInLounge, String plate) {
        return deliver(store.queue().checkIn(NewCheckIn.walkIn(siteId, kioskId, today(), clock.instant(), kind,
                plate, waitInLounge)), null);
    }

    /** Prints an issued ticket once more, if it has not been reprinted yet. */
    public ScanOutcome reprint(Ticket ticket) {
        Advisor advisor = ticket.advisorId() == null ? null : store.roster().advisor(ticket.advisorId()).orElse(null);
        if (!store.queue().allowReprint(ticket.id())) {
            return new ScanOutcome.Issued(ticket, advisor, new PrintOutcome(false, printer.health(),
                    "already reprinted once"), null, true, Refusals.REPRINTED, false, statusUrl(ticket));
        }
        PrintOutcome print = print(ticket, advisor, null);
        return new ScanOutcome.Issued(ticket, advisor, print, null, true, null, false, statusUrl(ticket));
    }

    private ScanOutcome appointmentCode(String payload) {
        Optional<SiteInfo> site = store.roster().site();
        if (site.isEmpty()) {
            return Refusals.CANNOT_CHECK;
        }
        byte[] key = Base64.getDecoder().decode(site.get().qrKeyBase64());
        AppointmentCode.Read read = AppointmentCode.read(payload, siteId, key);
        if (read instanceof AppointmentCode.Valid valid) {
            if (!valid.day().equals(today())) {
                return Refusals.otherDay(valid.day());
            }
            return store.roster().appointment(valid.appointmentId())
                    .map(a -> found(a, false))
                    .orElse(Refusals.CANCELLED);
        }
        if (read instanceof AppointmentCode.OtherSite other) {
            return Refusals.otherSite(other.siteId());
        }
        if (read instanceof AppointmentCode.Forged) {
            LOG.warn("appointment code with a wrong signature scanned: {}", payload);
            return Refusals.FORGED;
        }
        if (read instanceof AppointmentCode.NotOurs) {
            return Refusals.NOT_OURS;
        }
        LOG.info("unreadable appointment code: {}", read);
        return Refusals.DAMAGED;
    }

    /** An appointment already checked in shows its ticket instead of a second one. */
    private ScanOutcome found(Appointment a, boolean nearMatch) {
        Optional<Ticket> existing = store.queue().ticketForAppointment(a.id());
        if (existing.isPresent()) {
            return deliver(new QueueStore.Issued(existing.get(), store.roster().advisor(existing.get().advisorId()),
                    true), null);
        }
        Advisor advisor = store.roster().advisor(a.advisorId()).orElse(null);
        AppointmentRules.Timing timing = rules.timing(a, now());
        return new ScanOutcome.Found(a, advisor, timing, rules.note(timing, a, advisor), nearMatch);
    }

    /** After the commit: paper, lamp, sync. None of them can take the number away again. */
    private ScanOutcome deliver(QueueStore.Issued issued, Message note) {
        Ticket t = issued.ticket();
        Advisor advisor = issued.advisor().orElse(null);
        if (issued.existing()) {
            if (store.queue().printed(t.id())) {
                // Printed at check-in: show it, offer one reprint, do not page again.
                return new ScanOutcome.Issued(t, advisor, new PrintOutcome(true, printer.health(), "printed at check-in"),
                        null, true, Refusals.ALREADY, !store.queue().reprinted(t.id()), statusUrl(t));
            }
            return new ScanOutcome.Issued(t, advisor, print(t, advisor, note), null, true, Refusals.ALREADY, false,
                    statusUrl(t));
        }
        // The lamp first: it is instant, and the advisor can get up while the paper prints.
        DeviceHealth lamp = advisor == null ? null : lamps.light(advisor.desk());
        PrintOutcome print = print(t, advisor, note);
        afterWrite.run();
        LOG.info("ticket {} for {} at desk {}: print {}, lamp {}", t.number(),
                advisor == null ? "next free advisor" : advisor.name(), advisor == null ? "-" : advisor.desk(),
                print.printed() ? "ok" : print.message(), lamp);
        return new ScanOutcome.Issued(t, advisor, print, lamp, false, note, false, statusUrl(t));
    }

    private PrintOutcome print(Ticket t, Advisor advisor, Message note) {
        SiteInfo site = store.roster().site().orElse(new SiteInfo(siteId, "", "", "", clock.instant()));
        PrintOutcome print = printer.print(TicketLayouts.standard(site.name(), t, advisor, statusUrl(t), note,
                clock.getZone()));
        store.queue().recordPrint(t, print.printed(), print.message(), clock.instant());
        if (!print.printed()) {
            LOG.warn("ticket {} NOT printed ({}): the screen shows the number; the back office is told",
                    t.number(), print.message());
            afterWrite.run();
        }
        return print;
    }

    private String statusUrl(Ticket t) {
        String base = store.roster().site().map(SiteInfo::statusBaseUrl).orElse("");
        return base.isBlank() ? null : TicketLayouts.statusUrl(base, t);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
