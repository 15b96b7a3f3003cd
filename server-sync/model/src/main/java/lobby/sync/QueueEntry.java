package lobby.sync;

import java.time.Instant;

/**
 * One line of the site-wide queue as the back office lists it.
 *
 * @param printProblem why the kiosk could not print this ticket (staff look after the customer), or null
 */
public record QueueEntry(String ticketId, String number, String kind, String advisorId, String advisorName,
                         int desk, String maskedPlate, String status, Instant issuedAt, String kioskId,
                         String printProblem) {
}
