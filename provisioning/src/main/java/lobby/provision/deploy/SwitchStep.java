package lobby.provision.deploy;

import static lobby.provision.deploy.Shell.quote;

/**
 * Points {@code current} at the release (and {@code previous} at what current was), remembering
 * both links as they were so a failed health check can put them back exactly.
 */
final class SwitchStep implements Step {
    @Override
    public String name() {
        return "switch";
    }

    @Override
    public boolean needsRelease() {
        return true;
    }

    @Override
    public Check check(KioskRun run) {
        String[] links = Service.readLinks(run);
        run.currentBefore = links[0];
        run.previousBefore = links[1];
        String target = RemoteLayout.linkTarget(run.release.version());
        if (target.equals(run.currentBefore)) {
            return Check.inPlace("current is " + run.release.version());
        }
        return Check.needed("current " + (run.currentBefore == null ? "(none)" : RemoteLayout.versionOf(run.currentBefore))
                + " -> " + run.release.version());
    }

    @Override
    public String change(KioskRun run) {
        String target = RemoteLayout.linkTarget(run.release.version());
        if (!run.sh("test -d " + quote(run.layout.release(run.release.version()))).ok()) {
            throw new StepFailure("release " + run.release.version() + " is not on the kiosk");
        }
        String previous = run.currentBefore != null ? run.currentBefore : run.previousBefore;
        Service.pointLinks(run, target, previous);
        run.switched = true;
        return "current -> " + run.release.version()
                + (run.currentBefore == null ? "" : ", previous -> " + RemoteLayout.versionOf(run.currentBefore));
    }
}
