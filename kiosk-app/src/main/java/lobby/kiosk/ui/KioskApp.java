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
        Kiosk kiosk = startBeside(start);
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = open(kiosk);
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
            Platform.runLater(() -> welcomeShown());
        });
        closed.await();
        Platform.exit();
        return kiosk;
    }

    /**
     * Starts the JavaFX toolkit on its own thread while {@code start} makes the kiosk on this one.
     *
     * @throws WindowUnavailable when JavaFX cannot start here (it carries the kiosk)
     */
    static Kiosk startBeside(Supplier<Kiosk> start) throws InterruptedException {
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
        return kiosk;
    }

    /** The kiosk's stage on its welcome screen, not yet shown. Call on the FX thread. */
    static Stage open(Kiosk kiosk) {
        Stage stage = new Stage();
        KioskScreens screens = new KioskScreens(kiosk.desk(), kiosk.siteName(), kiosk.config().idleTimeout(),
                kiosk.technician());
        stage.setTitle("自助签到 Self check-in");
        stage.setScene(new Scene(screens.root(), 1280, 800));
        stage.setFullScreenExitHint("");
        stage.setFullScreen(Boolean.getBoolean("kiosk.fullscreen"));
        kiosk.scanner().ifPresent(scanner -> scanner.start(scan -> Platform.runLater(() -> screens.scan(scan.text()))));
        if (kiosk.config().scannerDriver().equals("keyboard")) {
            screens.readKeyboardScanner(new KeyboardCodeScanner());
        }
        return stage;
    }

    /**
     * Logs the cold start (the benchmarks read this line); call in the FX event after the one
     * that showed the stage.
     *
     * @return milliseconds from the JVM's start
     */
    static long welcomeShown() {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("welcome screen shown {} ms after the JVM started", ms);
        return ms;
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
