package lobby.kiosk.ui;

import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lobby.kiosk.Kiosk;

/** The full-screen kiosk window. {@link #show} blocks until the window is closed. */
public final class KioskApp extends Application {
    private static final AtomicReference<Kiosk> KIOSK = new AtomicReference<>();

    public static void show(Kiosk kiosk) {
        KIOSK.set(kiosk);
        Application.launch(KioskApp.class);
    }

    @Override
    public void start(Stage stage) {
        Kiosk kiosk = KIOSK.get();
        KioskScreens screens = new KioskScreens(kiosk.desk(), kiosk.siteName(), kiosk.config().idleTimeout(),
                kiosk.technician());
        stage.setTitle("自助签到 Self check-in");
        stage.setScene(new Scene(screens.root(), 1024, 600));
        stage.setFullScreenExitHint("");
        stage.setFullScreen(Boolean.getBoolean("kiosk.fullscreen"));
        stage.show();
    }
}
