package lobby.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.checkin.Duty;
import lobby.checkin.VisitKind;
import lobby.kiosk.checkin.CheckInDesk;
import lobby.kiosk.checkin.RecordingDevices;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.store.TestLeases;
import lobby.scanner.KeyboardCodeScanner;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real screens under headless Monocle, driven as a customer would, every path to a number. */
@ExtendWith(ApplicationExtension.class)
class KioskScreensTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private KioskStore store;
    private final RecordingDevices.Printer printer = new RecordingDevices.Printer();
    private final RecordingDevices.Lamps lamps = new RecordingDevices.Lamps();
    private final List<String> technicianCalls = new ArrayList<>();
    private KioskScreens screens;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("kiosk-ui");
        store = KioskStore.open(dir.resolve("kiosk.db"));
        TestLeases.grant(store, TODAY); // an online kiosk numbers from its leased blocks
        store.roster().replace(new SiteSnapshot("gz", "星辰汽车广州天河4S店", TODAY, CLOCK.instant(),
                Base64.getEncoder().encodeToString(KEY), "http://bo/t",
                List.of(new Advisor("li", "李娜", 1, 17, Duty.ON_DUTY), new Advisor("wang", "王强", 2, 27, Duty.ON_DUTY)),
                List.of(new Appointment("A1", "gz", TODAY, LocalTime.of(9, 40), "粤B10345", "张伟", VisitKind.MAINTENANCE, "wang"),
                        new Appointment("A2", "gz", TODAY, LocalTime.of(11, 0), "粤A88888", "陈静", VisitKind.REPAIR, "li")),
                List.of(), 0),
                CLOCK.instant());
        CheckInDesk desk = new CheckInDesk("gz", "k1", store, printer, lamps, () -> { }, CLOCK);
        screens = new KioskScreens(desk, "星辰汽车广州天河4S店", Duration.ofSeconds(30), new Technician() {
            @Override
            public boolean pinMatches(String pin) {
                return "2468".equals(pin);
            }

            @Override
            public List<String> status() {
                return List.of("Kiosk k1 of site gz, version test", "printer: ONLINE");
            }

            @Override
            public String testPrint() {
                technicianCalls.add("print");
                return "Test ticket printed";
            }

            @Override
            public String lampTest() {
                technicianCalls.add("lamps");
                return "[lamp desk 1: ONLINE]";
            }
        });
        scene = new Scene(screens.root(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void welcomeScreenGreetsInChineseAndIsNotBlank(FxRobot robot) throws Exception {
        assertEquals("欢迎光临，请扫描预约二维码", text(robot, "#welcome-title"));
        assertTrue(screenshot("welcome") > 0.01, "the welcome screen shows something");
    }

    @Test
    void languageSwitchesToEnglishAndBackOnAnyScreen(FxRobot robot) {
        tap(robot, "#walk-in");
        tap(robot, "#language");
        assertEquals("What have you come for?", text(robot, "#walkin-title"));
        tap(robot, "#language");
        assertEquals("请选择您要办理的业务", text(robot, "#walkin-title"));
    }

    @Test
    void typedPlateFindsTheAppointmentShownMaskedThenTheTicket(FxRobot robot) throws Exception {
        tap(robot, "#type-plate");
        tap(robot, "#province-" + PlateScreen.keyId("粤".codePointAt(0)));
        for (String k : List.of("B", "1", "0", "3", "4", "5")) {
            tap(robot, "#key-" + k);
        }
        assertEquals("粤B10345", text(robot, "#plate-display"));
        screenshot("plate");
        tap(robot, "#plate-ok");
        awaitText(robot, "#appointment-plate", "粤B·***45");
        assertEquals("张*", text(robot, "#appointment-name"));
        assertEquals("王强  2 号台", text(robot, "#appointment-advisor"));
        screenshot("appointment");
        tap(robot, "#confirm");
        awaitText(robot, "#ticket-number", "A001");
        assertEquals("王强 顾问  2 号台", text(robot, "#ticket-advisor"));
        assertTrue(lamps.isLit(2));
        assertEquals(1, printer.printed.size());
        screenshot("ticket");
    }

    @Test
    void anInvalidPlateIsExplainedOnTheKeyboard(FxRobot robot) {
        tap(robot, "#type-plate");
        tap(robot, "#province-" + PlateScreen.keyId("粤".codePointAt(0)));
        tap(robot, "#key-B");
        tap(robot, "#key-1");
        tap(robot, "#plate-ok");
        awaitText(robot, "#message", "车牌应为7位，新能源车为8位");
        assertEquals("粤B1", text(robot, "#plate-display"), "what was typed stays to be corrected");
        tap(robot, "#plate-backspace");
        assertEquals("粤B", text(robot, "#plate-display"));
    }

    @Test
    void unknownPlateTellsTheCustomerAndTheWalkInKeepsThePlate(FxRobot robot) {
        tap(robot, "#type-plate");
        tap(robot, "#province-" + PlateScreen.keyId("粤".codePointAt(0)));
        for (String k : List.of("E", "9", "9", "9", "9", "9")) {
            tap(robot, "#key-" + k);
        }
        tap(robot, "#plate-ok");
        awaitText(robot, "#message", "今天没有车牌 粤E·***99 的预约，可以直接取号。");
        tap(robot, "#walk-in");
        tap(robot, "#kind-repair");
        tap(robot, "#leave");
        awaitText(robot, "#ticket-number", "B001");
        assertEquals("粤E99999", store.queue().tickets(TODAY).get(0).plate());
    }

    @Test
    void walkInGetsANumberWithAdvisorAndDesk(FxRobot robot) throws Exception {
        tap(robot, "#walk-in");
        screenshot("walk-in");
        tap(robot, "#kind-breakdown");
        tap(robot, "#lounge");
        awaitText(robot, "#ticket-number", "U001");
        assertEquals("李娜 顾问  1 号台", text(robot, "#ticket-advisor"));
        assertTrue(lamps.isLit(1));
        assertTrue(store.queue().tickets(TODAY).get(0).waitInLounge());
    }

    @Test
    void aScanOnAnyScreenStartsACheckIn(FxRobot robot) {
        tap(robot, "#walk-in");
        robot.interact(() -> screens.scan(AppointmentCode.payload("gz", TODAY, "A2", KEY)));
        awaitText(robot, "#appointment-name", "陈*");
        assertTrue(text(robot, "#appointment-note").contains("11:00"), "early customer told when expected");
    }

    @Test
    void aKeyboardModeScannerBurstIsAScanWhereverTheCustomerIs(FxRobot robot) {
        robot.interact(() -> screens.readKeyboardScanner(new KeyboardCodeScanner()));
        tap(robot, "#type-plate");
        String payload = AppointmentCode.payload("gz", TODAY, "A1", KEY) + "\r";
        robot.interact(() -> payload.chars().forEach(c -> Event.fireEvent(scene.getRoot(), new KeyEvent(
                KeyEvent.KEY_TYPED, String.valueOf((char) c), "", KeyCode.UNDEFINED, false, false, false, false))));
        awaitText(robot, "#appointment-name", "张*");
    }

    @Test
    void printerFailureShowsTheNumberAndTheStatusCodeToPhotograph(FxRobot robot) throws Exception {
        printer.failure = "paper out";
        tap(robot, "#walk-in");
        tap(robot, "#kind-enquiry");
        tap(robot, "#leave");
        awaitText(robot, "#ticket-number", "B001");
        assertTrue(text(robot, "#print-status").startsWith("小票未能打印"));
        assertTrue(robot.lookup("#status-qr").tryQuery().isPresent(), "status QR shown on screen");
        screenshot("ticket-not-printed");
    }

    @Test
    void alreadyCheckedInShowsTheTicketWithOneReprint(FxRobot robot) {
        robot.interact(() -> screens.scan(AppointmentCode.payload("gz", TODAY, "A1", KEY)));
        awaitText(robot, "#appointment-name", "张*");
        tap(robot, "#confirm");
        awaitText(robot, "#ticket-number", "A001");
        tap(robot, "#done");
        robot.interact(() -> screens.scan(AppointmentCode.payload("gz", TODAY, "A1", KEY)));
        awaitText(robot, "#ticket-heading", "您已签到，这是您的号码");
        tap(robot, "#reprint");
        awaitTrue(() -> printer.printed.size() == 2, "reprinted");
        awaitText(robot, "#ticket-number", "A001");
        assertFalse(robot.lookup("#reprint").tryQuery().isPresent(), "only once");
    }

    @Test
    void hiddenGestureAndPinOpenTheTechnicianScreen(FxRobot robot) {
        for (int i = 0; i < KioskScreens.GESTURE_TAPS; i++) {
            tap(robot, "#shop-name");
        }
        for (String d : List.of("1", "1", "1", "1")) {
            tap(robot, "#pin-" + d);
        }
        tap(robot, "#pin-enter");
        assertEquals("Wrong PIN", text(robot, "#pin-message"));
        for (String d : List.of("2", "4", "6", "8")) {
            tap(robot, "#pin-" + d);
        }
        tap(robot, "#pin-enter");
        assertTrue(robot.lookup("#technician-status").tryQuery().isPresent());
        tap(robot, "#test-print");
        awaitText(robot, "#technician-result", "Test ticket printed");
        assertEquals(List.of("print"), technicianCalls);
    }

    @Test
    void startOverReturnsToWelcomeFromAnyScreen(FxRobot robot) {
        tap(robot, "#type-plate");
        tap(robot, "#start-over");
        assertEquals("欢迎光临，请扫描预约二维码", text(robot, "#welcome-title"));
    }

    private String text(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private double screenshot(String name) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene.getRoot(), name)).get(10, TimeUnit.SECONDS);
    }

    private static void awaitText(FxRobot robot, String query, String expected) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String seen = null;
        while (System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
            var node = robot.lookup(query).tryQuery();
            if (node.isPresent() && node.get() instanceof Label l) {
                seen = l.getText();
                if (expected.equals(seen)) {
                    return;
                }
            }
        }
        assertEquals(expected, seen, query + " within " + DEADLINE);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) {
                return;
            }
        }
        assertTrue(condition.getAsBoolean(), what + " within " + DEADLINE);
    }

    /** A real click, once the FX thread has finished changing the screen (lookups race with it otherwise). */
    private static void tap(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
