package lobby.provision.deploy;

/**
 * When a deployed kiosk does not come back: put {@code current} and {@code previous} back as they
 * were before this apply, restart, and wait for the old release's health, so the lobby has a
 * working kiosk again while the technician looks into the new one.
 */
final class Recovery {
    private Recovery() {
    }

    /** @return the step failure to throw, its message saying what was rolled back to and how that went */
    static StepFailure rollBack(KioskRun run, String reason) {
        if (!run.switched) {
            return new StepFailure(reason + "; the release did not change in this apply, so there is nothing to roll back");
        }
        if (run.currentBefore == null) {
            return new StepFailure(reason + "; this was the kiosk's first release, so there is nothing to roll back to");
        }
        String version = RemoteLayout.versionOf(run.currentBefore);
        try {
            Service.pointLinks(run, run.currentBefore, run.previousBefore);
            Service.Mark mark = Service.restart(run);
            Service.Wait wait = Service.awaitHealthy(run, version, mark);
            return new StepFailure(reason + "; rolled back to " + version + (wait.healthy()
                    ? " (" + healthyText(version, wait) + ")"
                    : " (which has not reported healthy either: " + wait.problem() + ")"));
        } catch (StepFailure e) {
            return new StepFailure(reason + "; rolling back to " + version + " failed too: " + e.getMessage());
        }
    }

    static String healthyText(String version, Service.Wait wait) {
        HealthFile h = wait.health();
        return version + " healthy after " + Service.seconds(wait.took()) + ": " + h.devicesText()
                + (Boolean.FALSE.equals(h.ok()) ? " (the kiosk reports a problem)" : "");
    }
}
