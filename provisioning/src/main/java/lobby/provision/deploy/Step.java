package lobby.provision.deploy;

/**
 * One idempotent piece of a kiosk's set-up. {@link #check} only looks; {@link #change} makes what
 * check found missing, so a second apply changes nothing and {@code plan} is check alone. A step
 * instance serves one kiosk for one run and may keep what check found for change.
 */
interface Step {
    String name();

    /** Steps that compare with the release being deployed; {@code plan} without --dist skips them. */
    default boolean needsRelease() {
        return false;
    }

    Check check(KioskRun run);

    /** @return what was done, in a few words */
    String change(KioskRun run);
}
