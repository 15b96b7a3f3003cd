package lobby.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Behind the hidden gesture and a PIN: device health, sync and network, kiosk id and version,
 * recent problems, and a test print and lamp test. English only: it is for technicians.
 */
final class TechnicianScreen implements Screen {
    static final int MAX_PIN = 8;

    private final KioskScreens nav;
    private final StringBuilder pin = new StringBuilder();
    private boolean unlocked;
    private String result = "";

    TechnicianScreen(KioskScreens nav) {
        this.nav = nav;
    }

    @Override
    public Node build(Lang lang) {
        return unlocked ? panel() : pinPad();
    }

    private Node pinPad() {
        Label title = Ui.label("pin-title", "Technician PIN", 30);
        Label dots = Ui.label("pin-dots", "•".repeat(pin.length()), 36);
        Label wrong = Ui.label("pin-message", result, 22);
        FlowPane keys = new FlowPane(10, 10);
        keys.setAlignment(Pos.CENTER);
        keys.setMaxWidth(300);
        for (String k : "1 2 3 4 5 6 7 8 9 0".split(" ")) {
            Button b = Ui.button("pin-" + k, k, 28);
            b.setMinWidth(80);
            b.setOnAction(e -> {
                if (pin.length() < MAX_PIN) {
                    pin.append(k);
                }
                result = "";
                nav.show(this);
            });
            keys.getChildren().add(b);
        }
        Button enter = Ui.primary("pin-enter", "Enter", 24);
        enter.setOnAction(e -> {
            unlocked = nav.technician.pinMatches(pin.toString());
            result = unlocked ? "" : "Wrong PIN";
            pin.setLength(0);
            nav.show(this);
        });
        Button cancel = Ui.button("pin-cancel", "Cancel", 24);
        cancel.setOnAction(e -> nav.welcome(null));
        return Ui.column(16, title, dots, keys, new HBox(16, cancel, enter), wrong);
    }

    private Node panel() {
        VBox lines = new VBox(4);
        lines.setId("technician-status");
        for (String line : nav.technician.status()) {
            lines.getChildren().add(Ui.label(line, 18));
        }
        Label outcome = Ui.label("technician-result", result, 18);
        Button print = Ui.button("test-print", "Test print", 22);
        print.setOnAction(e -> nav.run(nav.technician::testPrint, r -> {
            result = r;
            nav.show(this);
        }));
        Button lamps = Ui.button("lamp-test", "Lamp test", 22);
        lamps.setOnAction(e -> nav.run(nav.technician::lampTest, r -> {
            result = r;
            nav.show(this);
        }));
        Button refresh = Ui.button("technician-refresh", "Refresh", 22);
        refresh.setOnAction(e -> nav.show(this));
        Button close = Ui.primary("technician-close", "Close", 22);
        close.setOnAction(e -> nav.welcome(null));
        VBox box = new VBox(14, Ui.label("Technician", 28), lines, new HBox(12, print, lamps, refresh, close), outcome);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }
}
