package lobby.device;

import java.time.Instant;
import java.util.Objects;

/**
 * How a device is doing, as a value the kiosk screen and the back office show (not an
 * exception that kills the caller).
 *
 * @param device what it is, e.g. "printer /dev/ttyUSB0" or "lamp desk 2"
 * @param detail what a technician needs to act, e.g. "paper near end", "port missing"
 */
public record DeviceHealth(String device, State state, String detail, Instant since) {
    public enum State { ONLINE, DEGRADED, OFFLINE }

    public DeviceHealth {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(since, "since");
    }

    public static DeviceHealth online(String device, Instant since) {
        return new DeviceHealth(device, State.ONLINE, "", since);
    }

    public boolean usable() {
        return state != State.OFFLINE;
    }

    @Override
    public String toString() {
        return device + ": " + state + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
