package lobby.kiosk.ui;

import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import lobby.checkin.Appointment;
import lobby.checkin.Masking;
import lobby.kiosk.checkin.ScanOutcome;

/**
 * The appointment found, for the customer to confirm: time, work, advisor, and only the masked
 * name and plate (others in the lobby can read the screen). Early or late is explained here.
 */
final class AppointmentScreen implements Screen {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final KioskScreens nav;
    private final ScanOutcome.Found found;

    AppointmentScreen(KioskScreens nav, ScanOutcome.Found found) {
        this.nav = nav;
        this.found = found;
    }

    @Override
    public Node build(Lang lang) {
        Appointment a = found.appointment();
        Label title = Ui.label("appointment-title", found.nearMatch()
                ? lang.t("是这个预约吗？", "Is this your appointment?")
                : lang.t("找到您的预约", "We found your appointment"), 36);
        GridPane details = new GridPane();
        details.setHgap(28);
        details.setVgap(10);
        details.setAlignment(Pos.CENTER);
        row(details, 0, lang.t("时间", "Time"), HH_MM.format(a.time()), "appointment-time");
        row(details, 1, lang.t("客户", "Customer"), a.maskedName(), "appointment-name");
        row(details, 2, lang.t("车牌", "Plate"), Masking.plate(a.plate()), "appointment-plate");
        row(details, 3, lang.t("业务", "Service"), lang.t(a.kind().chinese(), a.kind().english()), "appointment-kind");
        row(details, 4, lang.t("顾问", "Advisor"), found.advisor() == null ? lang.t("到店后安排", "assigned on arrival")
                : found.advisor().name() + "  " + lang.t(found.advisor().desk() + " 号台", "desk " + found.advisor().desk()),
                "appointment-advisor");
        Label note = Ui.label("appointment-note", lang.t(found.note()), 24);
        note.setStyle(note.getStyle() + " -fx-text-fill: #8a5300;");
        Button confirm = Ui.primary("confirm", lang.t("确认签到", "Check me in"), 32);
        confirm.setOnAction(e -> nav.run(() -> nav.desk.confirm(a), nav::handle));
        Button notMine = Ui.button("not-mine", lang.t("不是我的预约", "Not my appointment"), 26);
        notMine.setOnAction(e -> nav.welcome(null));
        HBox actions = new HBox(24, notMine, confirm);
        actions.setAlignment(Pos.CENTER);
        return Ui.column(24, title, details, note, actions);
    }

    private static void row(GridPane grid, int row, String name, String value, String id) {
        grid.add(Ui.label(name, 26), 0, row);
        grid.add(Ui.label(id, value, 30), 1, row);
    }
}
