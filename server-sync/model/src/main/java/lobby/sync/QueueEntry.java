package lobby.sync;

import java.time.Instant;

/**
 * One line of the site-wide queue as the back office lists it.
 *
 * @param printProblem why the kiosk could not print this ticket (staff look after the customer), or null
 * @param acknowledged the advisor has acknowledged the call lamp for this customer (at the desk's
 *                     button or in the console): the kiosk turns the lamp off
 */
public record QueueEntry(String ticketId, String number, String kind, String advisorId, String advisorName,
                         int desk, String maskedPlate, String status, Instant issuedAt, String kioskId,
                         String printProblem, boolean acknowledged) {
}
