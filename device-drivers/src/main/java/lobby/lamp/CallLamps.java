package lobby.lamp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import lobby.device.DeviceHealth;

/**
 * The call lamps at the advisors' desks. A lamp calls from {@link #light} until somebody
 * acknowledges: the advisor's button, or the back office through the kiosk. While nobody does,
 * it asks louder: steady, then a slow blink after the greeting target, then a fast blink and an
 * escalation report (timings in {@link LampConfig}).
 *
 * <p>Failures come back as health, never as an exception to the check-in. The calling logic
 * keeps running for a broken lamp, so an escalation is still reported when nobody can see it.
 *
 * <p>Listeners run on the lamps' timer or GPIO thread, never while the lamps hold their lock:
 * they may call back into the lamps, but should hand slow work (the network) to another thread,
 * or the blinking stalls.
 */
public interface CallLamps extends AutoCloseable {
    /** What a lamp shows. Blinks are half on, half off. */
    enum Pattern {
        OFF,
        /** A customer is assigned to the desk. */
        STEADY,
        /** The customer has waited past the greeting target; 1 s period. */
        SLOW_BLINK,
        /** Nobody acknowledged in time and the escalation was reported; 250 ms period. */
        FAST_BLINK
    }

    /**
     * Starts calling the desk's advisor. A lamp that already calls keeps its pattern and timers:
     * the wait counts from the first customer nobody has acknowledged yet.
     *
     * @return the lamp's health afterwards
     */
    DeviceHealth light(int desk);

    /**
     * Stops calling without reporting an acknowledgement: for whoever already knows, such as the
     * back office telling the kiosk that the advisor acknowledged elsewhere.
     */
    DeviceHealth off(int desk);

    /**
     * Stops calling and reports the acknowledgement to {@link #onAcknowledged} listeners, as the
     * desk's button does. Nothing is reported when the lamp was not calling.
     */
    DeviceHealth acknowledge(int desk);

    /** Whether the lamp is calling ({@code pattern(desk) != OFF}), not whether it glows right now. */
    boolean isLit(int desk);

    /** OFF for desks without a lamp. */
    Pattern pattern(int desk);

    /** Called with the desk when its button or {@link #acknowledge} ends a call. */
    void onAcknowledged(IntConsumer listener);

    /** Called with the desk once per call, when its lamp starts blinking fast. */
    void onEscalated(IntConsumer listener);

    /**
     * Lights each lamp that is not calling for a moment, one after the other, so a technician can
     * watch them; completes with every lamp's health once the last is off again. Calling lamps
     * are not interrupted and report their current health.
     */
    CompletableFuture<List<DeviceHealth>> selfTest();

    /** Every configured lamp's health, by desk. */
    List<DeviceHealth> health();

    /** All lamps off and the GPIO released. Nothing is reported as acknowledged. */
    @Override
    void close();
}
