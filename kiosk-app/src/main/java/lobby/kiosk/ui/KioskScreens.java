package lobby.kiosk.ui;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lobby.checkin.VisitKind;
import lobby.kiosk.checkin.CheckInDesk;
import lobby.kiosk.checkin.ScanOutcome;

/**
 * The kiosk's screens over one {@link CheckInDesk}: welcome (scan or type), walk-in (kind of
 * visit, lounge or leave) and the ticket. Work happens off the FX thread; every screen has
 * "start over" and the language switch, and falls back to welcome when left idle.
 */
public final class KioskScreens {
    private static final String FONT = "-fx-font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif;";

    private final CheckInDesk desk;
    private final String shopName;
    private final BorderPane root = new BorderPane();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-checkin");
        t.setDaemon(true);
        return t;
    });
    private final PauseTransition idle;
    private boolean english;
    private Supplier<Node> current;

    public KioskScreens(CheckInDesk desk, String shopName, Duration idleTimeout) {
        this.desk = desk;
        this.shopName = shopName;
        root.setStyle(FONT + " -fx-background-color: #f4f6fa;");
        root.setPadding(new Insets(24));
        idle = new PauseTransition(javafx.util.Duration.millis(idleTimeout.toMillis()));
        idle.setOnFinished(e -> show(this::welcome));
        root.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> idle.playFromStart());
        show(this::welcome);
    }

    public Parent root() {
        return root;
    }

    private void show(Supplier<Node> screen) {
        current = screen;
        root.setTop(topBar());
        root.setCenter(screen.get());
        idle.playFromStart();
    }

    private Node topBar() {
        Label shop = new Label(shopName);
        shop.setStyle("-fx-font-size: 22px;");
        Button language = button(english ? "中文" : "English", 18);
        language.setId("language");
        language.setOnAction(e -> {
            english = !english;
            show(current);
        });
        Button restart = button(t("重新开始", "Start over"), 18);
        restart.setId("start-over");
        restart.setOnAction(e -> show(this::welcome));
        HBox bar = new HBox(16, shop, new HBox(), restart, language);
        HBox.setHgrow(bar.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    Node welcome() {
        Label title = label(t("欢迎光临，请扫描预约二维码", "Welcome! Please scan your appointment QR code"), 36);
        title.setId("welcome-title");
        TextField input = new TextField();
        input.setId("scan-input");
        input.setPromptText(t("或输入车牌，如 粤B12345", "or type your plate, e.g. 粤B12345"));
        input.setStyle("-fx-font-size: 28px;");
        input.setMaxWidth(560);
        Label message = label("", 22);
        message.setId("message");
        message.setWrapText(true);
        Button ok = button(t("确定", "OK"), 28);
        ok.setId("scan-ok");
        Button walkIn = button(t("没有预约，直接取号", "No appointment: take a ticket"), 28);
        walkIn.setId("walk-in");
        Runnable submit = () -> run(() -> desk.scan(input.getText()), outcome -> {
            if (outcome instanceof ScanOutcome.Refused r) {
                message.setText(r.why().in(english));
                input.clear();
            } else {
                show(() -> ticket((ScanOutcome.Issued) outcome));
            }
        });
        ok.setOnAction(e -> submit.run());
        input.setOnAction(e -> submit.run());
        walkIn.setOnAction(e -> show(this::walkIn));
        VBox box = new VBox(28, title, new HBox(12, input, ok), walkIn, message);
        ((HBox) box.getChildren().get(1)).setAlignment(Pos.CENTER);
        box.setAlignment(Pos.CENTER);
        Platform.runLater(input::requestFocus);
        return box;
    }

    Node walkIn() {
        Label title = label(t("请选择业务，然后选择是否在店内等候", "Choose what you came for, then stay or leave"), 30);
        FlowPane kinds = new FlowPane(16, 16);
        kinds.setAlignment(Pos.CENTER);
        for (VisitKind kind : VisitKind.values()) {
            VBox choice = new VBox(8);
            choice.setAlignment(Pos.CENTER);
            Label name = label(english ? kind.english() : kind.chinese(), 24);
            Button stay = button(t("在休息室等候", "I will wait"), 18);
            stay.setId("kind-" + kind.name().toLowerCase() + "-lounge");
            Button leave = button(t("留车离店", "I will leave the car"), 18);
            leave.setId("kind-" + kind.name().toLowerCase() + "-leave");
            stay.setOnAction(e -> run(() -> desk.walkIn(kind, true, null), o -> show(() -> ticket((ScanOutcome.Issued) o))));
            leave.setOnAction(e -> run(() -> desk.walkIn(kind, false, null), o -> show(() -> ticket((ScanOutcome.Issued) o))));
            choice.getChildren().addAll(name, stay, leave);
            choice.setStyle("-fx-background-color: white; -fx-padding: 14; -fx-background-radius: 10;");
            kinds.getChildren().add(choice);
        }
        VBox box = new VBox(24, title, kinds);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    Node ticket(ScanOutcome.Issued issued) {
        Label heading = label(issued.existing() ? t("您已签到，这是您的号码", "You are already checked in; your number is")
                : t("您的号码", "Your number"), 28);
        Label number = label(issued.ticket().number(), 120);
        number.setId("ticket-number");
        number.setStyle(number.getStyle() + " -fx-font-weight: bold;");
        Label advisor = label(issued.advisor() == null ? t("请稍候，将由空闲顾问接待", "The next free advisor will receive you")
                : t(issued.advisor().name() + " 顾问  " + issued.advisor().desk() + " 号台",
                "Advisor " + issued.advisor().name() + ", desk " + issued.advisor().desk()), 36);
        advisor.setId("ticket-advisor");
        int wait = issued.ticket().estimatedWaitMinutes();
        Label waitLabel = label(wait == 0 ? t("马上为您服务", "You will be served right away")
                : t("预计等待约 " + wait + " 分钟", "Estimated wait about " + wait + " minutes"), 26);
        Label print = label(issued.print().printed() ? t("请取走小票", "Please take your ticket")
                : t("小票打印失败，请记下您的号码，已通知工作人员", "The ticket could not be printed: please note your number; staff have been told"), 24);
        print.setId("print-status");
        print.setWrapText(true);
        Button done = button(t("完成", "Done"), 28);
        done.setId("done");
        done.setOnAction(e -> show(this::welcome));
        VBox box = new VBox(18, heading, number, advisor, waitLabel, print, done);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private <T> void run(Supplier<T> work, java.util.function.Consumer<T> then) {
        root.setDisable(true);
        worker.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    root.setDisable(false);
                    Label error = label(t("系统故障，请到前台取号", "Something went wrong: please ask at the desk"), 30);
                    error.setId("message");
                    root.setCenter(error);
                });
                throw e;
            }
            Platform.runLater(() -> {
                root.setDisable(false);
                then.accept(result);
            });
        });
    }

    private String t(String chinese, String englishText) {
        return english ? englishText : chinese;
    }

    private static Label label(String text, int size) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: " + size + "px;");
        return l;
    }

    private static Button button(String text, int size) {
        Button b = new Button(text);
        b.setStyle("-fx-font-size: " + size + "px; -fx-padding: 12 28 12 28; -fx-min-height: 64px;");
        return b;
    }
}
