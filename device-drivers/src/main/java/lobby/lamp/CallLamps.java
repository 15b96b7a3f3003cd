package lobby.lamp;

import java.util.List;
import lobby.device.DeviceHealth;

/**
 * The call lamps at the advisors' desks. A lamp stays lit until the advisor acknowledges.
 * Failures come back as health, never as an exception to the check-in.
 */
public interface CallLamps extends AutoCloseable {
    /** Lights the desk's lamp; returns the lamp's health afterwards. */
    DeviceHealth light(int desk);

    DeviceHealth off(int desk);

    boolean isLit(int desk);

    List<DeviceHealth> health();

    /** All lamps off. */
    @Override
    void close();
}
