package lobby.kiosk.checkin;

import lobby.checkin.Advisor;
import lobby.checkin.Ticket;
import lobby.device.DeviceHealth;
import lobby.printer.PrintOutcome;

/** What became of a scan, a typed plate or a walk-in request. The screens show each one. */
public sealed interface ScanOutcome {

    /**
     * The customer has a number. {@code existing} when the appointment had been checked in
     * before (no second ticket); {@code print} says whether paper came out.
     *
     * @param advisor null when nobody was on the roster (the next free advisor takes it)
     * @param lamp    null when there was no advisor to call
     */
    record Issued(Ticket ticket, Advisor advisor, PrintOutcome print, DeviceHealth lamp, boolean existing)
            implements ScanOutcome {
    }

    /**
     * No ticket: why (unknown plate, unreadable or foreign code, ...). The screen says so and
     * offers the walk-in path; {@code plate} carries a typed plate over to it.
     */
    record Refused(Message why, String plate) implements ScanOutcome {
    }
}
