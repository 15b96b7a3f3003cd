package lobby.printer;

import lobby.device.DeviceHealth;

/**
 * The result of one print job. {@code printed} is true only when the printer took the whole
 * job and reported no error after it; otherwise the customer needs the number another way.
 */
public record PrintOutcome(boolean printed, DeviceHealth health, String message) {
    public static PrintOutcome ok(DeviceHealth health) {
        return new PrintOutcome(true, health, "printed");
    }

    public static PrintOutcome failed(DeviceHealth health, String message) {
        return new PrintOutcome(false, health, message);
    }
}
