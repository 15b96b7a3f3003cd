package lobby.kiosk.ui;

import lobby.kiosk.checkin.Message;

/** The language the customer chose: Chinese by default, English on request, on every screen. */
final class Lang {
    private boolean english;

    String t(String chinese, String englishText) {
        return english ? englishText : chinese;
    }

    String t(Message message) {
        return message == null ? "" : message.in(english);
    }

    boolean english() {
        return english;
    }

    void toggle() {
        english = !english;
    }

    void reset() {
        english = false;
    }
}
