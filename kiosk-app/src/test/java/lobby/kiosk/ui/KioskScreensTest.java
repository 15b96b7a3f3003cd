package lobby.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lobby.checkin.Advisor;
import lobby.checkin.Duty;
import lobby.kiosk.checkin.CheckInDesk;
import lobby.kiosk.checkin.RecordingDevices;
import lobby.kiosk.store.KioskStore;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real screens under headless Monocle, driven as a customer would. */
@ExtendWith(ApplicationExtension.class)
class KioskScreensTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private KioskStore store;
    private final RecordingDevices.Printer printer = new RecordingDevices.Printer();
    private final RecordingDevices.Lamps lamps = new RecordingDevices.Lamps();
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("kiosk-ui");
        store = KioskStore.open(dir.resolve("kiosk.db"));
        store.roster().replace(new SiteSnapshot("gz", "星辰汽车广州天河4S店", LocalDate.now(CLOCK), CLOCK.instant(),
                Base64.getEncoder().encodeToString("k".getBytes(StandardCharsets.UTF_8)), "http://bo/t",
                List.of(new Advisor("li", "李娜", 1, 17, Duty.ON_DUTY), new Advisor("wang", "王强", 2, 27, Duty.ON_DUTY)),
                List.of()), CLOCK.instant());
        CheckInDesk desk = new CheckInDesk("gz", "k1", store, printer, lamps, () -> { }, CLOCK);
        scene = new Scene(new KioskScreens(desk, "星辰汽车广州天河4S店", Duration.ofSeconds(30)).root(), 1024, 600);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void welcomeScreenGreetsInChineseAndIsNotBlank(FxRobot robot) throws Exception {
        assertEquals("欢迎光临，请扫描预约二维码", robot.lookup("#welcome-title").queryAs(Label.class).getText());
        double inked = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene.getRoot(), "welcome"))
                .get(10, TimeUnit.SECONDS);
        assertTrue(inked > 0.01, "the welcome screen shows something: " + inked);
    }

    @Test
    void languageSwitchesToEnglishAndBack(FxRobot robot) {
        robot.clickOn("#language");
        assertEquals("Welcome! Please scan your appointment QR code",
                robot.lookup("#welcome-title").queryAs(Label.class).getText());
        robot.clickOn("#language");
        assertEquals("欢迎光临，请扫描预约二维码", robot.lookup("#welcome-title").queryAs(Label.class).getText());
    }

    @Test
    void unknownPlateTellsTheCustomerAndOffersTheWalkIn(FxRobot robot) {
        robot.clickOn("#scan-input").write("粤B99999");
        robot.clickOn("#scan-ok");
        WaitForAsyncUtils.waitForFxEvents();
        awaitText(robot, "#message", "今天没有车牌 粤B·***99 的预约，可以直接取号。");
        assertTrue(robot.lookup("#walk-in").tryQuery().isPresent());
    }

    @Test
    void walkInGetsANumberWithAdvisorAndDesk(FxRobot robot) throws Exception {
        robot.clickOn("#walk-in");
        robot.clickOn("#kind-repair-lounge");
        awaitText(robot, "#ticket-number", "B001");
        assertEquals("李娜 顾问  1 号台", robot.lookup("#ticket-advisor").queryAs(Label.class).getText());
        assertTrue(lamps.isLit(1));
        assertEquals(1, printer.printed.size());
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(scene.getRoot(), "ticket")).get(10, TimeUnit.SECONDS);
    }

    private static void awaitText(FxRobot robot, String query, String expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String seen = null;
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            var node = robot.lookup(query).tryQuery();
            if (node.isPresent() && node.get() instanceof Label l) {
                seen = l.getText();
                if (expected.equals(seen)) {
                    return;
                }
            }
        }
        assertEquals(expected, seen, query + " within 10 s");
    }
}
