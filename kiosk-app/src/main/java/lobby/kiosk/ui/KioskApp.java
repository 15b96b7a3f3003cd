package lobby.kiosk.ui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lobby.kiosk.Kiosk;
import lobby.scanner.KeyboardCodeScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk window. JavaFX starts on its own thread while the kiosk opens its store and
 * devices, so a cold start costs the longer of the two, not their sum.
 */
public final class KioskApp {
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);

    private KioskApp() {
    }

    /**
     * Starts JavaFX and the kiosk side by side, shows the welcome screen and blocks until the
     * window is closed.
     *
     * @return the kiosk, also when the window could not open (the caller may go on without it)
     * @throws WindowUnavailable when JavaFX cannot open a window here
     */
    public static Kiosk run(Supplier<Kiosk> start) throws InterruptedException {
        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Thread fx = new Thread(() -> {
            try {
                Platform.startup(() -> toolkit.complete(null));
            } catch (RuntimeException | LinkageError e) {
                toolkit.completeExceptionally(e);
            }
        }, "javafx-startup");
        fx.setDaemon(true);
        fx.start();
        Kiosk kiosk = start.get();
        try {
            toolkit.get();
        } catch (ExecutionException e) {
            throw new WindowUnavailable(kiosk, e.getCause());
        }
        Platform.setImplicitExit(false);
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            KioskScreens screens = new KioskScreens(kiosk.desk(), kiosk.siteName(), kiosk.config().idleTimeout(),
                    kiosk.technician());
            stage.setTitle("自助签到 Self check-in");
            stage.setScene(new Scene(screens.root(), 1280, 800));
            stage.setFullScreenExitHint("");
            stage.setFullScreen(Boolean.getBoolean("kiosk.fullscreen"));
            stage.setOnHidden(e -> closed.countDown());
            kiosk.scanner().ifPresent(scanner -> scanner.start(scan -> Platform.runLater(() -> screens.scan(scan.text()))));
            if (kiosk.config().scannerDriver().equals("keyboard")) {
                screens.readKeyboardScanner(new KeyboardCodeScanner());
            }
            stage.show();
            Platform.runLater(() -> LOG.info("welcome screen shown {} ms after the JVM started",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
        });
        closed.await();
        Platform.exit();
        return kiosk;
    }

    /** JavaFX could not start (no display, no GTK): the kiosk itself is running. */
    public static final class WindowUnavailable extends RuntimeException {
        private final transient Kiosk kiosk;

        WindowUnavailable(Kiosk kiosk, Throwable cause) {
            super("cannot open the kiosk window: " + cause, cause);
            this.kiosk = kiosk;
        }

        public Kiosk kiosk() {
            return kiosk;
        }
    }
}
