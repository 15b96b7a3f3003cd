package lobby.provision.deploy;

import java.util.ArrayList;
import java.util.List;
import lobby.provision.ssh.ConnectionException;

/**
 * A kiosk's steps, in order: os, packages, user, upload, config, unit, switch, restart, health.
 * Each first checks and changes only what it found missing; a plan (dry run) only checks. The
 * first failure ends the kiosk's run: later steps build on earlier ones.
 */
public final class Deployment {
    /** Told of each step as it ends, for the progress lines. */
    public interface Progress {
        void step(int number, int total, StepOutcome outcome);
    }

    private Deployment() {
    }

    public static List<String> stepNames() {
        return steps().stream().map(Step::name).toList();
    }

    private static List<Step> steps() {
        return List.of(new OsStep(), new PackagesStep(), new UserStep(), new UploadStep(), new ConfigStep(),
                new UnitStep(), new SwitchStep(), new RestartStep(), new HealthStep());
    }

    public static List<StepOutcome> run(KioskRun run, Progress progress) {
        List<Step> steps = steps();
        List<StepOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepOutcome outcome = one(steps.get(i), run);
            outcomes.add(outcome);
            progress.step(i + 1, steps.size(), outcome);
            if (outcome.result() == Result.FAILED) {
                break;
            }
        }
        return outcomes;
    }

    private static StepOutcome one(Step step, KioskRun run) {
        if (step.needsRelease() && run.release == null) {
            return new StepOutcome(step.name(), Result.SKIPPED, "not checked: give --dist to compare with a release");
        }
        try {
            Check check = step.check(run);
            if (!check.needed()) {
                return new StepOutcome(step.name(), Result.OK, check.detail());
            }
            run.changed.add(step.name());
            if (run.dryRun) {
                return new StepOutcome(step.name(), Result.WOULD_CHANGE, check.detail());
            }
            return new StepOutcome(step.name(), Result.CHANGED, step.change(run));
        } catch (StepFailure | ConnectionException e) {
            return new StepOutcome(step.name(), Result.FAILED, e.getMessage());
        }
    }
}
