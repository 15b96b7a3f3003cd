package lobby.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The kiosk's look in one place: large type and touch targets (at least 64 px high, for
 * elderly customers and gloved hands), and the CJK font the image installs.
 */
final class Ui {
    static final String FONT = "-fx-font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif;";
    static final int MIN_TOUCH = 64;

    private Ui() {
    }

    static Label label(String text, int size) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: " + size + "px;");
        l.setWrapText(true);
        return l;
    }

    static Label label(String id, String text, int size) {
        Label l = label(text, size);
        l.setId(id);
        return l;
    }

    static Button button(String id, String text, int size) {
        Button b = new Button(text);
        b.setId(id);
        b.setStyle("-fx-font-size: " + size + "px; -fx-padding: 12 28 12 28; -fx-background-radius: 12;");
        b.setMinHeight(MIN_TOUCH);
        b.setMinWidth(MIN_TOUCH);
        return b;
    }

    /** The one action the screen wants most: blue, larger. */
    static Button primary(String id, String text, int size) {
        Button b = button(id, text, size);
        b.setStyle(b.getStyle() + " -fx-background-color: #1d5fbf; -fx-text-fill: white;");
        return b;
    }

    static VBox column(int spacing, javafx.scene.Node... nodes) {
        VBox box = new VBox(spacing, nodes);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
