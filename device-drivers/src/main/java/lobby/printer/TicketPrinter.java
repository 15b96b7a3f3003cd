package lobby.printer;

import lobby.device.DeviceHealth;

/** The kiosk's ticket printer, whatever is behind it. Never blocks longer than its timeouts. */
public interface TicketPrinter extends AutoCloseable {
    PrintOutcome print(TicketLayout ticket);

    DeviceHealth health();

    @Override
    void close();
}
