package lobby.provision.deploy;

/** One step on one kiosk: its result and a few words on what it saw or did (or why it failed). */
public record StepOutcome(String step, Result result, String detail) {
}
