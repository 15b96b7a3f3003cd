package lobby.kiosk.checkin;

import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.Ticket;
import lobby.device.DeviceHealth;
import lobby.printer.PrintOutcome;

/** What became of a scan, a typed plate, a confirmation or a walk-in. A screen shows each one. */
public sealed interface ScanOutcome {

    /**
     * Today's appointment, to show (masked) and confirm before a ticket is issued.
     *
     * @param advisor the booked advisor, or null when not on the roster
     * @param timing  on time, early (a ticket is still possible) or too late (walk-in queue)
     * @param note    what to tell the customer about the timing; null when on time
     * @param nearMatch true when the typed plate was not exact and this is offered as "did you mean"
     */
    record Found(Appointment appointment, Advisor advisor, AppointmentRules.Timing timing, Message note,
                 boolean nearMatch) implements ScanOutcome {
    }

    /**
     * The customer has a number. {@code existing} when the appointment had been checked in
     * before (no second ticket); {@code print} says whether paper came out.
     *
     * @param advisor        null when nobody was on the roster (the next free advisor takes it)
     * @param lamp           null when no lamp was lit
     * @param note           a note for the customer (e.g. late: queued as a walk-in), or null
     * @param reprintAllowed true when the customer may ask for the ticket once more
     * @param statusUrl      the ticket's live status page (also in its QR code), or null
     */
    record Issued(Ticket ticket, Advisor advisor, PrintOutcome print, DeviceHealth lamp, boolean existing,
                  Message note, boolean reprintAllowed, String statusUrl) implements ScanOutcome {
    }

    /**
     * No ticket: why (unknown plate, unreadable or foreign code, another day...). The screen
     * says so and offers the walk-in path; {@code plate} carries a typed plate over to it.
     */
    record Refused(Message why, String plate) implements ScanOutcome {
    }
}
