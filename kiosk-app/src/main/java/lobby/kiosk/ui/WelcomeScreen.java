package lobby.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.geometry.Pos;
import lobby.kiosk.checkin.Message;

/**
 * Scan the appointment code, type the plate, or take a walk-in ticket. A refusal from the
 * last attempt is shown here, with the walk-in path right under it.
 */
final class WelcomeScreen implements Screen {
    private final KioskScreens nav;
    private final Message message;
    private final String plate;

    WelcomeScreen(KioskScreens nav, Message message) {
        this(nav, message, null);
    }

    /** @param plate a plate the customer typed, carried over to the walk-in path */
    WelcomeScreen(KioskScreens nav, Message message, String plate) {
        this.nav = nav;
        this.message = message;
        this.plate = plate;
    }

    @Override
    public Node build(Lang lang) {
        Label title = Ui.label("welcome-title", lang.t("欢迎光临，请扫描预约二维码", "Welcome! Please scan your appointment QR code"), 38);
        Label hint = Ui.label(lang.t("把手机上的二维码对准下方扫描窗口", "Hold the code on your phone under the scanner window"), 22);
        Button typePlate = Ui.button("type-plate", lang.t("输入车牌", "Type my plate"), 30);
        typePlate.setOnAction(e -> nav.show(new PlateScreen(nav, "", null)));
        Button walkIn = Ui.primary("walk-in", lang.t("没有预约，直接取号", "No appointment: take a ticket"), 30);
        walkIn.setOnAction(e -> nav.show(new WalkInScreen(nav, plate)));
        HBox actions = new HBox(24, typePlate, walkIn);
        actions.setAlignment(Pos.CENTER);
        Label said = Ui.label("message", lang.t(message), 26);
        said.setStyle(said.getStyle() + " -fx-text-fill: #b3261e;");
        return Ui.column(30, title, hint, actions, said);
    }
}
