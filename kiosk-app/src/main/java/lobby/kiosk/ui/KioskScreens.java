package lobby.kiosk.ui;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import lobby.kiosk.checkin.CheckInDesk;
import lobby.kiosk.checkin.Message;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.scanner.KeyboardCodeScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's screens over one {@link CheckInDesk}, and the way between them. Every screen
 * has "start over" and the language switch; a scan on any screen starts a check-in; an idle
 * kiosk returns to the welcome screen in Chinese. Work runs off the FX thread.
 */
public final class KioskScreens {
    private static final Logger LOG = LoggerFactory.getLogger(KioskScreens.class);
    /** Taps on the shop name that open the technician screen, within {@link #GESTURE_WINDOW}. */
    static final int GESTURE_TAPS = 5;
    static final Duration GESTURE_WINDOW = Duration.ofSeconds(3);

    final CheckInDesk desk;
    final Technician technician;
    private final String shopName;
    private final Lang lang = new Lang();
    private final BorderPane root = new BorderPane();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-checkin");
        t.setDaemon(true);
        return t;
    });
    private final PauseTransition idle;
    private Screen current;
    private boolean busy;
    private long[] taps = new long[0];

    public KioskScreens(CheckInDesk desk, String shopName, Duration idleTimeout, Technician technician) {
        this.desk = desk;
        this.shopName = shopName;
        this.technician = technician;
        root.setStyle(Ui.FONT + " -fx-background-color: #f4f6fa;");
        root.setPadding(new Insets(20));
        idle = new PauseTransition(javafx.util.Duration.millis(idleTimeout.toMillis()));
        idle.setOnFinished(e -> {
            lang.reset();
            welcome(null);
        });
        root.addEventFilter(InputEvent.ANY, e -> idle.playFromStart());
        welcome(null);
    }

    public Parent root() {
        return root;
    }

    /** A code from any scanner, on any screen: it starts a check-in. Call on the FX thread. */
    public void scan(String text) {
        if (busy || current instanceof TechnicianScreen) {
            LOG.info("scan ignored while {}", busy ? "a check-in is in progress" : "the technician screen is open");
            return;
        }
        run(() -> desk.scan(text), this::handle);
    }

    /**
     * A scanner in keyboard mode types into the window: its bursts ending in Enter become scans;
     * anything slower is a person typing, and nothing on these screens takes typed text.
     */
    public void readKeyboardScanner(KeyboardCodeScanner keyboard) {
        keyboard.start(scan -> scan(scan.text()));
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (!e.getCharacter().isEmpty()) {
                keyboard.key(e.getCharacter().charAt(0), System.nanoTime());
            }
            e.consume();
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                keyboard.tick(System.nanoTime());
            }
        }.start();
    }

    void welcome(Message message) {
        show(new WelcomeScreen(this, message));
    }

    /** Shows whatever the desk answered, wherever the customer was. */
    void handle(ScanOutcome outcome) {
        if (outcome instanceof ScanOutcome.Found found) {
            show(new AppointmentScreen(this, found));
        } else if (outcome instanceof ScanOutcome.Issued issued) {
            show(new TicketScreen(this, issued));
        } else if (outcome instanceof ScanOutcome.Refused refused) {
            if (current instanceof PlateScreen plate && refused.plate() == null) {
                show(new PlateScreen(this, plate.typed(), refused.why()));
            } else {
                show(new WelcomeScreen(this, refused.why(), refused.plate()));
            }
        }
    }

    void show(Screen screen) {
        current = screen;
        root.setTop(topBar());
        root.setCenter(screen.build(lang));
        idle.playFromStart();
    }

    /** Runs slow work (store, printer) off the FX thread; the screen is locked meanwhile. */
    <T> void run(Supplier<T> work, Consumer<T> then) {
        busy = true;
        root.setDisable(true);
        worker.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> {
                    busy = false;
                    root.setDisable(false);
                    then.accept(result);
                });
            } catch (RuntimeException e) {
                LOG.error("check-in step failed", e);
                Platform.runLater(() -> {
                    busy = false;
                    root.setDisable(false);
                    welcome(new Message("系统故障，请到前台由工作人员为您取号。",
                            "Something went wrong. Please ask at the desk; staff will give you a number."));
                });
            }
        });
    }

    private Node topBar() {
        Label shop = Ui.label("shop-name", shopName, 22);
        shop.setOnMouseClicked(e -> tapShopName());
        Button restart = Ui.button("start-over", lang.t("重新开始", "Start over"), 20);
        restart.setOnAction(e -> welcome(null));
        Button language = Ui.button("language", lang.english() ? "中文" : "English", 20);
        language.setOnAction(e -> {
            lang.toggle();
            show(current);
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(16, shop, gap, restart, language);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The hidden gesture: several quick taps on the shop name open the technician's PIN pad. */
    private void tapShopName() {
        long now = System.nanoTime();
        long[] next = new long[Math.min(taps.length + 1, GESTURE_TAPS)];
        System.arraycopy(taps, Math.max(0, taps.length - next.length + 1), next, 0, next.length - 1);
        next[next.length - 1] = now;
        taps = next;
        if (taps.length == GESTURE_TAPS && now - taps[0] <= GESTURE_WINDOW.toNanos() && technician != null) {
            taps = new long[0];
            show(new TechnicianScreen(this));
        }
    }
}
