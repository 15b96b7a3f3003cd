package lobby.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import lobby.checkin.Plate;
import lobby.kiosk.checkin.Message;

/**
 * The plate keyboard: the 31 province characters first, then letters (no I, no O: plates
 * never use them) and digits, and the special endings. The plate is checked as GA 36-2018
 * says when the customer presses OK, and a problem is shown above the keys.
 */
final class PlateScreen implements Screen {
    static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String DIGITS = "1234567890";
    static final int MAX_LENGTH = 8;

    private final KioskScreens nav;
    private final StringBuilder typed;
    private final Message message;
    private Label display;
    private Lang lang;
    private Node keys;
    private javafx.scene.layout.VBox box;

    PlateScreen(KioskScreens nav, String typed, Message message) {
        this.nav = nav;
        this.typed = new StringBuilder(typed);
        this.message = message;
    }

    String typed() {
        return typed.toString();
    }

    @Override
    public Node build(Lang lang) {
        this.lang = lang;
        Label title = Ui.label(lang.t("请输入车牌号", "Type your plate"), 32);
        display = Ui.label("plate-display", "", 48);
        display.setStyle(display.getStyle() + " -fx-background-color: white; -fx-padding: 8 24 8 24;"
                + " -fx-border-color: #1d5fbf; -fx-border-width: 2; -fx-min-width: 420;");
        display.setAlignment(Pos.CENTER);
        Label problem = Ui.label("message", lang.t(message), 24);
        problem.setStyle(problem.getStyle() + " -fx-text-fill: #b3261e;");
        Button back = Ui.button("plate-backspace", lang.t("删除", "Delete"), 24);
        back.setOnAction(e -> {
            if (typed.length() > 0) {
                typed.setLength(typed.offsetByCodePoints(typed.length(), -1));
            }
            refresh();
        });
        Button ok = Ui.primary("plate-ok", lang.t("确定", "OK"), 28);
        ok.setOnAction(e -> nav.run(() -> nav.desk.plate(typed.toString()), nav::handle));
        HBox row = new HBox(16, display, back, ok);
        row.setAlignment(Pos.CENTER);
        box = Ui.column(16, title, row, problem, new Label());
        refresh();
        return box;
    }

    /** Province keys until one is chosen; then letters, digits and the special endings. */
    private void refresh() {
        display.setText(typed.length() == 0 ? lang.t("粤B12345", "e.g. 粤B12345") : typed.toString());
        display.setOpacity(typed.length() == 0 ? 0.4 : 1.0);
        keys = typed.length() == 0 ? keys(Plate.PROVINCES, "province-", 58)
                : keys(LETTERS + DIGITS + Plate.SPECIAL_ENDINGS, "key-", 58);
        box.getChildren().set(3, keys);
    }

    /** Node ids stay ASCII: "key-A", "province-u7ca4" for 粤. */
    static String keyId(int c) {
        return c < 128 ? String.valueOf((char) c) : "u" + Integer.toHexString(c);
    }

    private Node keys(String characters, String idPrefix, int size) {
        FlowPane pane = new FlowPane(8, 8);
        pane.setAlignment(Pos.CENTER);
        pane.setMaxWidth(1000);
        characters.codePoints().forEach(c -> {
            String key = new String(Character.toChars(c));
            Button b = Ui.button(idPrefix + keyId(c), key, 26);
            b.setMinWidth(size + 8);
            b.setOnAction(e -> {
                if (typed.codePointCount(0, typed.length()) < MAX_LENGTH) {
                    typed.append(key);
                }
                refresh();
            });
            pane.getChildren().add(b);
        });
        return pane;
    }
}
