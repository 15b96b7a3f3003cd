package lobby.device;

/** The one unchecked root for device faults; messages name the device, port, state and time. */
public class DeviceException extends RuntimeException {
    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
