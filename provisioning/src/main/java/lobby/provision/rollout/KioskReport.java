package lobby.provision.rollout;

import java.time.Duration;
import java.util.List;
import lobby.provision.deploy.Result;
import lobby.provision.deploy.StepOutcome;

/**
 * How one kiosk came out of a command.
 *
 * @param steps          the steps that ran, in order (empty when it never connected)
 * @param message        the failure, skip reason or one-line summary; null when the steps say it all
 * @param hostKeyProblem its host key was unknown or did not match (exit code 3)
 */
public record KioskReport(String kioskId, Result result, List<StepOutcome> steps, String message, Duration took,
                          boolean hostKeyProblem) {
    public KioskReport {
        steps = List.copyOf(steps);
    }

    public static KioskReport of(String kioskId, List<StepOutcome> steps, Duration took) {
        Result result = Result.OK;
        String message = null;
        for (StepOutcome s : steps) {
            if (s.result() == Result.FAILED) {
                result = Result.FAILED;
                message = s.step() + ": " + s.detail();
                break;
            }
            if (s.result() == Result.CHANGED || s.result() == Result.WOULD_CHANGE) {
                result = s.result();
            }
        }
        return new KioskReport(kioskId, result, steps, message, took, false);
    }

    public static KioskReport failed(String kioskId, String message, Duration took, boolean hostKeyProblem) {
        return new KioskReport(kioskId, Result.FAILED, List.of(), message, took, hostKeyProblem);
    }

    public List<String> changedSteps() {
        return steps.stream().filter(s -> s.result() == Result.CHANGED || s.result() == Result.WOULD_CHANGE)
                .map(StepOutcome::step).toList();
    }
}
