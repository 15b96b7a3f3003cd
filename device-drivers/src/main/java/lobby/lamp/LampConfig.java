package lobby.lamp;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which BCM pin drives each desk's lamp, and how the relay board wants it.
 *
 * @param deskPins  desk number to BCM GPIO pin
 * @param activeLow true for relay boards that switch on a low output (most cheap ones do)
 */
public record LampConfig(Map<Integer, Integer> deskPins, boolean activeLow) {
    public LampConfig {
        deskPins = Map.copyOf(new TreeMap<>(deskPins));
        Map<Integer, Integer> seen = new TreeMap<>();
        for (var e : deskPins.entrySet()) {
            int pin = e.getValue();
            if (pin < 0 || pin > 27) {
                throw new IllegalArgumentException("lamp of desk " + e.getKey() + ": BCM pin " + pin
                        + " does not exist on a Raspberry Pi header (0-27)");
            }
            Integer other = seen.put(pin, e.getKey());
            if (other != null) {
                throw new IllegalArgumentException("lamps of desks " + other + " and " + e.getKey()
                        + " are both configured on BCM pin " + pin);
            }
        }
    }
}
