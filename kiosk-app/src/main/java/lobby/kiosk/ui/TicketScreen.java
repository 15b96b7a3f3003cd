package lobby.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.qr.QrImages;

/**
 * The number, the advisor and the desk in large type. When the printer failed, the status
 * page's QR code is shown to photograph instead: the customer never leaves without a number.
 */
final class TicketScreen implements Screen {
    static final int QR_SIZE = 220;

    private final KioskScreens nav;
    private final ScanOutcome.Issued issued;

    TicketScreen(KioskScreens nav, ScanOutcome.Issued issued) {
        this.nav = nav;
        this.issued = issued;
    }

    @Override
    public Node build(Lang lang) {
        Label heading = Ui.label("ticket-heading", issued.existing()
                ? lang.t("您已签到，这是您的号码", "You are already checked in. Your number:")
                : lang.t("您的号码", "Your number"), 30);
        Label number = Ui.label("ticket-number", issued.ticket().number(), 130);
        number.setStyle(number.getStyle() + " -fx-font-weight: bold; -fx-text-fill: #1d5fbf;");
        Label advisor = Ui.label("ticket-advisor", issued.advisor() == null
                ? lang.t("请稍候，将由空闲顾问接待您", "The next free advisor will receive you")
                : lang.t(issued.advisor().name() + " 顾问  " + issued.advisor().desk() + " 号台",
                "Advisor " + issued.advisor().name() + ", desk " + issued.advisor().desk()), 40);
        int wait = issued.ticket().estimatedWaitMinutes();
        Label waitLabel = Ui.label("ticket-wait", wait == 0 ? lang.t("马上为您服务", "You will be served right away")
                : lang.t("预计等待约 " + wait + " 分钟", "Estimated wait: about " + wait + " minutes"), 28);
        Label note = Ui.label("ticket-note", lang.t(issued.note()), 24);
        note.setStyle(note.getStyle() + " -fx-text-fill: #8a5300;");
        VBox text = Ui.column(14, heading, number, advisor, waitLabel, note, printStatus(lang));
        HBox body = new HBox(36, text);
        body.setAlignment(Pos.CENTER);
        if (!issued.print().printed() && issued.statusUrl() != null) {
            Label photo = Ui.label(lang.t("请用手机拍下此二维码，随时查看排队进度", "Take a photo of this code to follow your place in the queue"), 20);
            photo.setMaxWidth(QR_SIZE + 40);
            Canvas qr = qr(issued.statusUrl());
            qr.setId("status-qr");
            body.getChildren().add(Ui.column(10, qr, photo));
        }
        Button done = Ui.primary("done", lang.t("完成", "Done"), 30);
        done.setOnAction(e -> nav.welcome(null));
        HBox actions = new HBox(24, done);
        actions.setAlignment(Pos.CENTER);
        if (issued.reprintAllowed()) {
            Button reprint = Ui.button("reprint", lang.t("补打小票", "Print my ticket again"), 26);
            reprint.setOnAction(e -> nav.run(() -> nav.desk.reprint(issued.ticket()), nav::handle));
            actions.getChildren().add(0, reprint);
        }
        return Ui.column(22, body, actions);
    }

    private Label printStatus(Lang lang) {
        Label status;
        if (issued.print().printed()) {
            status = Ui.label("print-status", issued.existing() ? "" : lang.t("请取走小票", "Please take your ticket"), 24);
        } else {
            status = Ui.label("print-status", lang.t("小票未能打印，请记住您的号码。已通知工作人员。",
                    "The ticket could not be printed. Please remember your number; staff have been told."), 24);
            status.setStyle(status.getStyle() + " -fx-text-fill: #b3261e;");
        }
        return status;
    }

    static Canvas qr(String text) {
        boolean[][] modules = QrImages.modules(text);
        double cell = Math.floor(QR_SIZE / (double) modules.length);
        Canvas canvas = new Canvas(cell * modules.length, cell * modules.length);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFill(Color.BLACK);
        for (int y = 0; y < modules.length; y++) {
            for (int x = 0; x < modules[y].length; x++) {
                if (modules[y][x]) {
                    g.fillRect(x * cell, y * cell, cell, cell);
                }
            }
        }
        return canvas;
    }
}
