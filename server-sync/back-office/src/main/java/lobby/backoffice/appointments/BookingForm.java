package lobby.backoffice.appointments;

/**
 * One booking as a manager typed it, in a JSON body or a line of an imported file, before
 * {@link BookingRules} checks it. Every field is text, so that a wrong day or time gets our
 * message naming the field rather than a parser's.
 *
 * @param id   null or blank: a new booking, whose id the server makes up
 * @param kind a {@link lobby.checkin.VisitKind} name or its Chinese label
 */
public record BookingForm(String id, String day, String time, String plate, String customerName, String kind,
                          String advisorId) {
}
