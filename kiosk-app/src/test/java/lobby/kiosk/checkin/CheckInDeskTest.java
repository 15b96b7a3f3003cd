package lobby.kiosk.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.checkin.Duty;
import lobby.checkin.VisitKind;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.store.TestLeases;
import lobby.sync.KioskOp;
import lobby.sync.Regular;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckInDeskTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 09:30 in Guangzhou. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:30:00Z"), SHANGHAI);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final byte[] KEY = "demo-key-0123456789".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private KioskStore store;
    private final RecordingDevices.Printer printer = new RecordingDevices.Printer();
    private final RecordingDevices.Lamps lamps = new RecordingDevices.Lamps();
    private final AtomicInteger syncKicks = new AtomicInteger();
    private CheckInDesk desk;

    @BeforeEach
    void setUp() {
        store = KioskStore.open(dir.resolve("kiosk.db"));
        List<Advisor> advisors = List.of(
                new Advisor("li", "李娜", 1, 17, Duty.ON_DUTY),
                new Advisor("wang", "王强", 2, 27, Duty.ON_DUTY),
                new Advisor("zhao", "赵敏", 3, 22, Duty.LUNCH));
        List<Appointment> appointments = List.of(
                booking("A1", 9, 30, "粤B10345", "wang"),
                booking("EARLY", 11, 0, "粤A88888", "li"),
                booking("LATE", 8, 30, "粤C66666", "wang"),
                booking("LUNCH", 9, 40, "粤D12121", "zhao"));
        TestLeases.grant(store, TODAY); // an online kiosk numbers from its leased blocks
        store.roster().replace(new SiteSnapshot("gz", "星辰汽车", TODAY, CLOCK.instant(),
                Base64.getEncoder().encodeToString(KEY), "http://bo/t", advisors, appointments,
                List.of(new Regular("粤B66666", "wang")), 10), CLOCK.instant());
        desk = new CheckInDesk("gz", "k1", store, printer, lamps, syncKicks::incrementAndGet, CLOCK);
    }

    private static Appointment booking(String id, int h, int m, String plate, String advisor) {
        return new Appointment(id, "gz", TODAY, LocalTime.of(h, m), plate, "张伟", VisitKind.MAINTENANCE, advisor);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void scannedAppointmentIsShownMaskedThenConfirmedToTheBookedAdvisor() {
        ScanOutcome.Found found = assertInstanceOf(ScanOutcome.Found.class, desk.scan(code("A1")));
        assertEquals("张*", found.appointment().maskedName());
        assertEquals(AppointmentRules.Timing.ON_TIME, found.timing());
        assertNull(found.note());
        assertTrue(printer.printed.isEmpty(), "nothing printed before the customer confirms");

        ScanOutcome.Issued issued = assertInstanceOf(ScanOutcome.Issued.class, desk.confirm(found.appointment()));
        assertEquals("A001", issued.ticket().number());
        assertEquals("wang", issued.advisor().id());
        assertTrue(lamps.isLit(2), "desk 2 lamp lit");
        String ticketText = String.join("\n", printer.printed.get(0).lines());
        assertTrue(ticketText.contains("王强") && ticketText.contains("2号台"), ticketText);
        assertTrue(ticketText.contains("粤B·***45"), "masked plate on the ticket: " + ticketText);
        assertEquals("http://bo/t/" + issued.ticket().id(), printer.printed.get(0).qrText());
        assertEquals(issued.statusUrl(), printer.printed.get(0).qrText());
        assertEquals(1, store.outbox().pendingCount());
        assertEquals(1, syncKicks.get());
    }

    @Test
    void alreadyCheckedInShowsTheExistingTicketAndAllowsOneReprint() {
        ScanOutcome.Issued first = (ScanOutcome.Issued) desk.confirm(found("A1").appointment());
        ScanOutcome.Issued again = assertInstanceOf(ScanOutcome.Issued.class, desk.scan(code("A1")));
        assertTrue(again.existing());
        assertTrue(again.reprintAllowed());
        assertEquals(first.ticket(), again.ticket());
        assertEquals(1, printer.printed.size(), "not printed again by itself");

        ScanOutcome.Issued reprint = (ScanOutcome.Issued) desk.reprint(again.ticket());
        assertTrue(reprint.print().printed());
        assertEquals(2, printer.printed.size());
        assertFalse(((ScanOutcome.Issued) desk.scan(code("A1"))).reprintAllowed(), "once only");
        ScanOutcome.Issued third = (ScanOutcome.Issued) desk.reprint(again.ticket());
        assertFalse(third.print().printed());
        assertEquals(2, printer.printed.size());
        assertEquals(1, store.queue().tickets(TODAY).size());
        assertEquals(1, store.outbox().pendingCount());
    }

    @Test
    void earlyCustomerIsToldWhenTheAdvisorExpectsThemAndCanStillTakeATicket() {
        ScanOutcome.Found found = found("EARLY");
        assertEquals(AppointmentRules.Timing.EARLY, found.timing());
        assertTrue(found.note().chinese().contains("11:00") && found.note().chinese().contains("李娜"), found.note().chinese());
        ScanOutcome.Issued issued = (ScanOutcome.Issued) desk.confirm(found.appointment());
        assertEquals("A001", issued.ticket().number());
        assertEquals("li", issued.advisor().id());
    }

    @Test
    void lateCustomerQueuesAsAWalkInWithANote() {
        ScanOutcome.Found found = found("LATE");
        assertEquals(AppointmentRules.Timing.LATE, found.timing());
        ScanOutcome.Issued issued = (ScanOutcome.Issued) desk.confirm(found.appointment());
        assertEquals("B001", issued.ticket().number(), "walk-in series");
        assertEquals("li", issued.advisor().id(), "the advisor whose turn it is, not the booked one");
        assertEquals("LATE", issued.ticket().appointmentId(), "still linked, so it is not checked in twice");
        assertTrue(issued.note().english().contains("walk-in"), issued.note().english());
        assertTrue(printer.printed.get(0).lines().contains(issued.note().chinese()), "the note is on the ticket");
    }

    @Test
    void bookedAdvisorAtLunchHandsOverToTheTurn() {
        ScanOutcome.Issued issued = (ScanOutcome.Issued) desk.confirm(found("LUNCH").appointment());
        assertEquals("li", issued.advisor().id());
    }

    @Test
    void typedPlateFindsTheAppointmentDespiteLetterODigitZeroMixUp() {
        ScanOutcome.Found found = assertInstanceOf(ScanOutcome.Found.class, desk.plate("粤B1O345"));
        assertEquals("A1", found.appointment().id());
        assertFalse(found.nearMatch());
    }

    @Test
    void aPlateOneKeyAwayIsOfferedForConfirmationNotFailed() {
        ScanOutcome.Found found = assertInstanceOf(ScanOutcome.Found.class, desk.plate("粤B10346"));
        assertTrue(found.nearMatch());
        assertEquals("A1", found.appointment().id());
    }

    @Test
    void unknownPlateIsOfferedTheWalkInPathWithThePlateCarriedOver() {
        ScanOutcome.Refused refused = assertInstanceOf(ScanOutcome.Refused.class, desk.scan("粤E99999"));
        assertEquals("粤E99999", refused.plate());
        assertTrue(refused.why().english().contains("walk-in"), refused.why().english());
        assertTrue(printer.printed.isEmpty());
    }

    @Test
    void badInputGetsAClearMessageAndNoTicket() {
        assertTrue(refusal("https://weixin.qq.com/r/abc").english().contains("not one of our appointment codes"));
        assertTrue(refusal("LKA1.gz.A1").english().contains("could not be read"));
        String forged = AppointmentCode.payload("gz", TODAY, "A1", "wrong key".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(forged).english().contains("cannot be verified"));
        assertTrue(refusal(AppointmentCode.payload("sz", TODAY, "A1", KEY)).english().contains("another shop (sz)"));
        assertTrue(refusal("粤B12").english().contains("7 characters"));
        assertTrue(refusal(AppointmentCode.payload("gz", TODAY.plusDays(3), "A1", KEY)).english()
                .contains("on " + TODAY.plusDays(3)));
        assertTrue(refusal(code("NOPE")).english().contains("not found"));
        assertEquals(0, store.queue().tickets(TODAY).size());
        assertEquals(0, store.outbox().pendingCount());
    }

    @Test
    void walkInsTakeTurnsAmongAdvisorsOnDuty() {
        ScanOutcome.Issued a = (ScanOutcome.Issued) desk.walkIn(VisitKind.REPAIR, true, null);
        ScanOutcome.Issued b = (ScanOutcome.Issued) desk.walkIn(VisitKind.ENQUIRY, false, null);
        ScanOutcome.Issued c = (ScanOutcome.Issued) desk.walkIn(VisitKind.BREAKDOWN, true, null);
        assertEquals(List.of("li", "wang", "li"), List.of(a.advisor().id(), b.advisor().id(), c.advisor().id()));
        assertEquals(List.of("B001", "B002", "U001"), List.of(a.ticket().number(), b.ticket().number(),
                c.ticket().number()));
        assertEquals(0, c.ticket().estimatedWaitMinutes(), "an urgent breakdown goes ahead of ordinary walk-ins");
        ScanOutcome.Issued d = (ScanOutcome.Issued) desk.walkIn(VisitKind.REPAIR, true, null);
        assertEquals(10, d.ticket().estimatedWaitMinutes(), "one ahead at wang's desk, at the site's 10 minutes");
        assertEquals(List.of(1, 2, 1, 2), lamps.calls);
    }

    @Test
    void aRegularCustomerGoesToTheirOwnAdvisor() {
        desk.walkIn(VisitKind.REPAIR, true, null); // li's turn taken
        ScanOutcome.Issued regular = (ScanOutcome.Issued) desk.walkIn(VisitKind.REPAIR, true, "粤B66666");
        assertEquals("wang", regular.advisor().id());
        ScanOutcome.Issued next = (ScanOutcome.Issued) desk.walkIn(VisitKind.REPAIR, true, null);
        assertEquals("wang", next.advisor().id(), "the regular did not use up anybody's turn");
    }

    @Test
    void aFailedPrintStillGivesTheCustomerANumberAndIsRecorded() {
        printer.failure = "paper out";
        ScanOutcome.Issued issued = (ScanOutcome.Issued) desk.walkIn(VisitKind.MAINTENANCE, true, "粤B12345");
        assertFalse(issued.print().printed());
        assertEquals("paper out", issued.print().message());
        assertEquals("http://bo/t/" + issued.ticket().id(), issued.statusUrl(), "the screen shows the status QR");
        assertFalse(store.queue().printed(issued.ticket().id()));
        assertEquals(2, store.outbox().pendingCount(), "the ticket and its failed print travel to the back office");
        assertEquals(KioskOp.Type.PRINT_FAILED, store.outbox().pending(10).get(1).type());
        assertEquals("paper out", store.outbox().pending(10).get(1).detail());
    }

    @Test
    void anAppointmentWhosePrintFailedIsPrintedWhenScannedAgain() {
        printer.failure = "cover open";
        ScanOutcome.Issued first = (ScanOutcome.Issued) desk.confirm(found("A1").appointment());
        assertFalse(first.print().printed());
        printer.failure = null;
        ScanOutcome.Issued again = (ScanOutcome.Issued) desk.scan(code("A1"));
        assertTrue(again.existing());
        assertTrue(again.print().printed());
        assertEquals(first.ticket().number(), printer.printed.get(0).number());
        assertTrue(store.queue().printed(first.ticket().id()));
        assertEquals(2, store.outbox().pendingCount(), "the check-in and the first, failed print");
    }

    private String code(String appointmentId) {
        return AppointmentCode.payload("gz", TODAY, appointmentId, KEY);
    }

    private ScanOutcome.Found found(String appointmentId) {
        return assertInstanceOf(ScanOutcome.Found.class, desk.scan(code(appointmentId)));
    }

    private Message refusal(String input) {
        return assertInstanceOf(ScanOutcome.Refused.class, desk.scan(input)).why();
    }
}
