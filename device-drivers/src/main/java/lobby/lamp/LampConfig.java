package lobby.lamp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which BCM pins drive each desk's lamp and read its acknowledge button, how the relay board
 * wants the lamp pins, and how long a customer may wait before the lamp asks louder.
 * Validated here, at start-up, so a wrong pin never surfaces later in the middle of a check-in.
 *
 * @param deskPins       desk number to the BCM GPIO pin of its lamp
 * @param activeLow      true for relay boards that switch on a low output (most cheap ones do)
 * @param buttonPins     desk number to the BCM pin of its acknowledge button; desks without a
 *                       button are acknowledged from the back office only. A button connects its
 *                       pin to ground (the Pi's pull-up holds it high), so pressed reads low.
 * @param greetingTarget from the call until the lamp blinks slowly: the customer waits too long
 * @param escalateAfter  from the call until the lamp blinks fast and the escalation is reported
 * @param debounce       edges of a button closer together than this are one press; zero turns
 *                       debouncing off
 */
public record LampConfig(Map<Integer, Integer> deskPins, boolean activeLow, Map<Integer, Integer> buttonPins,
                         Duration greetingTarget, Duration escalateAfter, Duration debounce) {
    /** The dealership's promise: somebody greets a checked-in customer within 15 seconds. */
    public static final Duration DEFAULT_GREETING_TARGET = Duration.ofSeconds(15);
    /** After a minute without acknowledgement a manager is told. */
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofSeconds(60);
    /** Mechanical push buttons settle within a few milliseconds; 50 ms leaves margin and still feels instant. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(50);

    private static final int LAST_HEADER_PIN = 27;

    public LampConfig {
        deskPins = Map.copyOf(Objects.requireNonNull(deskPins, "deskPins"));
        buttonPins = Map.copyOf(Objects.requireNonNull(buttonPins, "buttonPins"));
        Objects.requireNonNull(greetingTarget, "greetingTarget");
        Objects.requireNonNull(escalateAfter, "escalateAfter");
        Objects.requireNonNull(debounce, "debounce");
        Map<Integer, String> used = new TreeMap<>();
        for (var lamp : new TreeMap<>(deskPins).entrySet()) {
            claim(used, lamp.getValue(), "lamp of desk " + lamp.getKey());
        }
        for (var button : new TreeMap<>(buttonPins).entrySet()) {
            if (!deskPins.containsKey(button.getKey())) {
                throw new IllegalArgumentException("button of desk " + button.getKey() + " on BCM "
                        + button.getValue() + ": desk " + button.getKey() + " has no lamp pin configured");
            }
            claim(used, button.getValue(), "button of desk " + button.getKey());
        }
        if (greetingTarget.isNegative() || greetingTarget.isZero()) {
            throw new IllegalArgumentException("lamp greeting target must be positive, was " + greetingTarget);
        }
        if (escalateAfter.compareTo(greetingTarget) <= 0) {
            throw new IllegalArgumentException("lamp escalation after " + escalateAfter
                    + " must come later than the greeting target " + greetingTarget
                    + ", or the slow blink would never show");
        }
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("button debounce must not be negative, was " + debounce);
        }
    }

    /** Lamps only, no buttons, default timings: what the kiosk had before buttons existed. */
    public LampConfig(Map<Integer, Integer> deskPins, boolean activeLow) {
        this(deskPins, activeLow, Map.of(), DEFAULT_GREETING_TARGET, DEFAULT_ESCALATE_AFTER, DEFAULT_DEBOUNCE);
    }

    public LampConfig withButtonPins(Map<Integer, Integer> buttonPins) {
        return new LampConfig(deskPins, activeLow, buttonPins, greetingTarget, escalateAfter, debounce);
    }

    public LampConfig withTimings(Duration greetingTarget, Duration escalateAfter, Duration debounce) {
        return new LampConfig(deskPins, activeLow, buttonPins, greetingTarget, escalateAfter, debounce);
    }

    private static void claim(Map<Integer, String> used, int pin, String user) {
        if (pin < 0 || pin > LAST_HEADER_PIN) {
            throw new IllegalArgumentException(user + ": BCM pin " + pin
                    + " does not exist on a Raspberry Pi header (0-" + LAST_HEADER_PIN + ")");
        }
        String other = used.putIfAbsent(pin, user);
        if (other != null) {
            throw new IllegalArgumentException(other + " and " + user + " are both configured on BCM pin " + pin);
        }
    }
}
