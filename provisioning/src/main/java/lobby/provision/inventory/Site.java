package lobby.provision.inventory;

import java.net.URI;
import java.util.SortedMap;

/**
 * A dealership site: the back office its kiosks talk to and the devices every kiosk there has.
 *
 * @param backofficeCa PEM path on the kiosk, or null to trust the system's CAs
 * @param printerPort  serial port of the ticket printer, or null for the kiosk's default
 * @param printerBaud  the printer's baud rate, or null for the kiosk's default
 * @param lampPins     desk number to the BCM GPIO pin of its call lamp, sorted by desk
 */
public record Site(String id, URI backoffice, String backofficeCa, String printerPort, Integer printerBaud,
                   SortedMap<Integer, Integer> lampPins) {
}
