package lobby.kiosk.ui;

import java.util.List;

/** What the technician screen may see and do; the kiosk's wiring provides it. */
public interface Technician {
    /** Constant-time check of the technician PIN; false when no PIN is configured. */
    boolean pinMatches(String pin);

    /** Lines to show: kiosk id, version, device health, sync and network, recent problems. */
    List<String> status();

    /** Prints a test ticket and says how it went. */
    String testPrint();

    /** Lights each lamp in turn and says how each did. */
    String lampTest();
}
