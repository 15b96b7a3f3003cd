package lobby.sync;

/** A regular customer's vehicle and the advisor who looks after them (their own advisor). */
public record Regular(String plate, String advisorId) {
}
