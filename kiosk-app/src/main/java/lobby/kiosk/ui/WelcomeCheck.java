package lobby.kiosk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lobby.kiosk.Kiosk;

/**
 * The self-check's look at the window: starts the kiosk beside JavaFX as {@link KioskApp#run}
 * does, shows the welcome screen, and reads back what is on it — the title's text from the live
 * scene graph and a picture of the scene — so a technician (or the emulated Pi test) sees that
 * the Pi's GTK, OpenGL and CJK font all work, not only that no exception was thrown.
 */
public final class WelcomeCheck implements AutoCloseable {
    /** The welcome screen's title, as the screens name it. */
    static final String TITLE_ID = "#welcome-title";

    private final Kiosk kiosk;
    private final Outcome outcome;
    /** The window, or null when it did not get that far. */
    private final Stage stage;
    /** Whether JavaFX started (and so has to be ended). */
    private final boolean toolkit;

    /**
     * What the window showed. {@code shownMs} is from the JVM's start to the welcome screen on
     * the stage (as the kiosk logs it), or -1 when it was not shown.
     *
     * @param renderer JavaFX's graphics pipeline (ES2Pipeline: OpenGL ES; SWPipeline: software)
     * @param problem  why the window did not show (or its picture was not written), or null
     */
    public record Outcome(boolean shown, long shownMs, String welcomeText, String renderer, String problem) {
        static Outcome failed(String problem) {
            return new Outcome(false, -1, null, null, problem);
        }
    }

    private WelcomeCheck(Kiosk kiosk, Outcome outcome, Stage stage, boolean toolkit) {
        this.kiosk = kiosk;
        this.outcome = outcome;
        this.stage = stage;
        this.toolkit = toolkit;
    }

    /**
     * Starts the kiosk and JavaFX side by side and waits (at most {@code deadline}) until the
     * welcome screen is shown; writes its picture to {@code picture} as PNG.
     *
     * @throws RuntimeException whatever {@code start} throws: then there is no kiosk
     */
    public static WelcomeCheck open(Supplier<Kiosk> start, Path picture, Duration deadline)
            throws InterruptedException {
        Kiosk kiosk;
        try {
            kiosk = KioskApp.startBeside(start);
        } catch (KioskApp.WindowUnavailable e) {
            return new WelcomeCheck(e.kiosk(), Outcome.failed(e.getMessage()), null, false);
        }
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        CompletableFuture<Seen> seen = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage stage = KioskApp.open(kiosk);
                stage.show();
                shown.complete(stage);
                Platform.runLater(() -> {
                    try {
                        long ms = KioskApp.welcomeShown();
                        Scene scene = stage.getScene();
                        Node title = scene.lookup(TITLE_ID);
                        String text = title instanceof Labeled l ? l.getText() : null;
                        seen.complete(new Seen(ms, text, scene.snapshot(null)));
                    } catch (RuntimeException | LinkageError e) {
                        seen.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException | LinkageError e) {
                seen.completeExceptionally(e);
            }
        });
        Seen s;
        try {
            s = seen.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return new WelcomeCheck(kiosk, Outcome.failed("the welcome screen failed: " + e.getCause()),
                    shown.getNow(null), true);
        } catch (TimeoutException e) {
            return new WelcomeCheck(kiosk, Outcome.failed("the welcome screen was not shown within "
                    + deadline.toMillis() + " ms"), shown.getNow(null), true);
        }
        String problem = null;
        try {
            ImageIO.write(s.picture(), "png", picture.toFile());
        } catch (IOException e) {
            problem = "shown, but its picture cannot be written to " + picture + ": " + e;
        }
        return new WelcomeCheck(kiosk, new Outcome(true, s.ms(), s.text(), renderer(), problem), shown.getNow(null),
                true);
    }

    public Kiosk kiosk() {
        return kiosk;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Closes the window and ends JavaFX; the kiosk is the caller's to close. */
    @Override
    public void close() {
        if (!toolkit) {
            return;
        }
        Platform.runLater(() -> {
            if (stage != null) {
                stage.hide();
            }
            Platform.exit();
        });
    }

    /** JavaFX's picture as AWT's, for ImageIO (no javafx-swing needed). */
    static BufferedImage toBufferedImage(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /**
     * JavaFX's graphics pipeline. Read by name: it is JavaFX's internal class, reachable because
     * the kiosk runs JavaFX from the class path.
     */
    private static String renderer() {
        try {
            Object pipeline = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return pipeline == null ? "none" : pipeline.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private record Seen(long ms, String text, BufferedImage picture) {
        Seen(long ms, String text, WritableImage image) {
            this(ms, text, toBufferedImage(image));
        }
    }
}
