package lobby.provision.deploy;

/**
 * After a restart, waits (up to the kiosk's health-timeout-s) for the health file to name the
 * deployed version, written after the restart by the new process. If it never does, the kiosk
 * is rolled back (see {@link Recovery}) and the step fails.
 */
final class HealthStep implements Step {
    @Override
    public String name() {
        return "health";
    }

    @Override
    public Check check(KioskRun run) {
        if (!run.changed.contains("restart")) {
            return Check.inPlace("not restarted");
        }
        return Check.needed("wait up to " + run.kiosk.healthTimeout().toSeconds() + " s for "
                + (run.release == null ? "the kiosk" : "version " + run.release.version()) + " to report healthy");
    }

    @Override
    public String change(KioskRun run) {
        String version = run.release != null ? run.release.version()
                : RemoteLayout.versionOf(Service.readLink(run, run.layout.current()));
        Service.Wait wait = Service.awaitHealthy(run, version, run.restart);
        if (!wait.healthy()) {
            throw Recovery.rollBack(run, "health check failed after " + Service.seconds(wait.took()) + " ("
                    + wait.problem() + ")");
        }
        return Recovery.healthyText(version, wait);
    }
}
