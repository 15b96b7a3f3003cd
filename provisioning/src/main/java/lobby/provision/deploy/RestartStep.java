package lobby.provision.deploy;

/** Restarts the service, only when an earlier step changed something. */
final class RestartStep implements Step {
    @Override
    public String name() {
        return "restart";
    }

    @Override
    public Check check(KioskRun run) {
        if (run.changed.isEmpty()) {
            return Check.inPlace("nothing changed");
        }
        return Check.needed("restart " + RemoteLayout.SERVICE + " (" + String.join(", ", run.changed) + ")");
    }

    @Override
    public String change(KioskRun run) {
        try {
            run.restart = Service.restart(run);
        } catch (StepFailure e) {
            throw Recovery.rollBack(run, e.getMessage());
        }
        return "restarted " + RemoteLayout.SERVICE;
    }
}
