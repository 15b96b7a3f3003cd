package lobby.provision.deploy;

import lobby.provision.ProvisionException;

/** A step could not do its work on this kiosk; the kiosk's remaining steps are not run. */
public final class StepFailure extends ProvisionException {
    public StepFailure(String message) {
        super(message);
    }
}
