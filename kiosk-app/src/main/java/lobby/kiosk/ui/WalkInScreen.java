package lobby.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import lobby.checkin.VisitKind;

/** Without an appointment: what the customer came for, then whether they wait or leave the car. */
final class WalkInScreen implements Screen {
    private final KioskScreens nav;
    private final String plate;
    private VisitKind kind;

    WalkInScreen(KioskScreens nav, String plate) {
        this.nav = nav;
        this.plate = plate;
    }

    @Override
    public Node build(Lang lang) {
        return kind == null ? kinds(lang) : stayOrLeave(lang);
    }

    private Node kinds(Lang lang) {
        Label title = Ui.label("walkin-title", lang.t("请选择您要办理的业务", "What have you come for?"), 34);
        FlowPane grid = new FlowPane(18, 18);
        grid.setAlignment(Pos.CENTER);
        grid.setMaxWidth(980);
        for (VisitKind k : VisitKind.values()) {
            Button b = k.urgent()
                    ? Ui.primary("kind-" + k.name().toLowerCase(), lang.t(k.chinese() + "（紧急）", k.english() + " (urgent)"), 30)
                    : Ui.button("kind-" + k.name().toLowerCase(), lang.t(k.chinese(), k.english()), 30);
            b.setMinWidth(280);
            b.setMinHeight(90);
            b.setOnAction(e -> {
                kind = k;
                nav.show(this);
            });
            grid.getChildren().add(b);
        }
        return Ui.column(28, title, grid);
    }

    private Node stayOrLeave(Lang lang) {
        Label title = Ui.label("walkin-title", lang.t(kind.chinese() + "：您会在店内等候吗？",
                kind.english() + ": will you wait here?"), 34);
        Button stay = Ui.primary("lounge", lang.t("我在休息室等候", "I will wait in the lounge"), 30);
        stay.setMinHeight(110);
        stay.setOnAction(e -> nav.run(() -> nav.desk.walkIn(kind, true, plate), nav::handle));
        Button leave = Ui.button("leave", lang.t("我留下车辆先离开", "I will leave the car"), 30);
        leave.setMinHeight(110);
        leave.setOnAction(e -> nav.run(() -> nav.desk.walkIn(kind, false, plate), nav::handle));
        Button back = Ui.button("walkin-back", lang.t("返回", "Back"), 24);
        back.setOnAction(e -> {
            kind = null;
            nav.show(this);
        });
        HBox choices = new HBox(28, stay, leave);
        choices.setAlignment(Pos.CENTER);
        return Ui.column(36, title, choices, back);
    }
}
