package lobby.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lobby.kiosk.Kiosk;
import lobby.kiosk.KioskConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole kiosk, wired as the launcher wires it, with its back office down: customers still get numbers. */
@ExtendWith(ApplicationExtension.class)
class OfflineKioskScreensTest {
    private Kiosk kiosk;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("kiosk-offline");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        kiosk = Kiosk.start(KioskConfig.from(Map.of("site", "demo", "kiosk", "k1", "data", data.toString(),
                "backoffice", "http://127.0.0.1:" + closed, "scanner.driver", "none", "technician.pin", "2468")),
                Clock.systemDefaultZone(), line -> { });
        stage.setScene(new Scene(new KioskScreens(kiosk.desk(), kiosk.siteName(), Duration.ofSeconds(30),
                kiosk.technician()).root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void withTheBackOfficeDownAWalkInStillGetsANumberAndTheTechnicianSeesWhy(FxRobot robot) {
        tap(robot, "#walk-in");
        tap(robot, "#kind-maintenance");
        tap(robot, "#lounge");
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (robot.lookup("#ticket-number").tryQuery().isEmpty() && System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        // Never online, so no leased numbers and no mark yet: the fallback series of an unknown kiosk.
        assertEquals("BZ01", robot.lookup("#ticket-number").queryAs(Label.class).getText());
        assertEquals("请稍候，将由空闲顾问接待您", robot.lookup("#ticket-advisor").queryAs(Label.class).getText(),
                "no roster was ever received: the next free advisor");
        assertEquals(1, kiosk.store().outbox().pendingCount(), "kept for the back office");
        tap(robot, "#done");
        for (int i = 0; i < KioskScreens.GESTURE_TAPS; i++) {
            tap(robot, "#shop-name");
        }
        for (String d : new String[] {"2", "4", "6", "8"}) {
            tap(robot, "#pin-" + d);
        }
        tap(robot, "#pin-enter");
        String status = robot.lookup("#technician-status").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(status.contains("OFFLINE") && status.contains("1 pending"), status);
    }

    /** A real click, once the FX thread has finished changing the screen (lookups race with it otherwise). */
    private static void tap(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
