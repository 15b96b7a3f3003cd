package lobby.kiosk.ui;

import javafx.scene.Node;

/** One kiosk screen: builds its content for the current language each time it is shown. */
interface Screen {
    Node build(Lang lang);
}
