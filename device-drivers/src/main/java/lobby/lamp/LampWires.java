package lobby.lamp;

import java.util.Optional;

/**
 * What differs between a Pi, the simulator and a test: setting a lamp output and hearing a
 * button. Desks and levels are in lamp words (lit, pressed); the wires know active-low relays
 * and pull-ups. Everything about timing (patterns, debouncing, escalation) lives above this.
 */
interface LampWires extends AutoCloseable {
    /** Hears every edge of every button, bounces included. */
    interface Buttons {
        void edge(int desk, boolean pressed);
    }

    /** Why the desk's lamp output could not be set up; empty when it can be driven. */
    Optional<String> lampProblem(int desk);

    /** Why the desk's button input could not be set up; empty when it works or there is none. */
    Optional<String> buttonProblem(int desk);

    /** Drives the desk's lamp; throws (any runtime exception) when the pin cannot be written. */
    void lamp(int desk, boolean lit);

    /** Called once, before any lamp is driven; edges may arrive on any thread. */
    void listen(Buttons buttons);

    /** Releases the pins; the lamps have been switched off before. Never throws. */
    @Override
    void close();
}
