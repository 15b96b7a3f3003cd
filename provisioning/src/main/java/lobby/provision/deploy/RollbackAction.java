package lobby.provision.deploy;

/**
 * The technician's "undo": current goes back to the previous release (and previous to the one
 * that was current, so a second rollback undoes the first), then restart and wait for health.
 */
public final class RollbackAction {
    private RollbackAction() {
    }

    /** @return what was switched, from and to; a {@link StepFailure} when it could not be done */
    public static String toPrevious(KioskRun run) {
        String[] links = Service.readLinks(run);
        String current = links[0];
        String previous = links[1];
        if (previous == null || previous.equals(current)) {
            throw new StepFailure("no previous release to roll back to (current is "
                    + (current == null ? "not set" : RemoteLayout.versionOf(current)) + ")");
        }
        String from = RemoteLayout.versionOf(current);
        String to = RemoteLayout.versionOf(previous);
        if (!run.sh("test -d " + Shell.quote(run.layout.release(to))).ok()) {
            throw new StepFailure("previous points at " + previous + ", which is not on the kiosk any more");
        }
        Service.pointLinks(run, previous, current);
        Service.Mark mark = Service.restart(run);
        Service.Wait wait = Service.awaitHealthy(run, to, mark);
        String switched = "rolled back from " + (from == null ? "(none)" : from) + " to " + to;
        if (!wait.healthy()) {
            throw new StepFailure(switched + ", but " + to + " has not reported healthy within "
                    + run.kiosk.healthTimeout().toSeconds() + " s (" + wait.problem() + ")");
        }
        return switched + "; " + Recovery.healthyText(to, wait) + (from == null ? "" : "; previous is now " + from);
    }
}
