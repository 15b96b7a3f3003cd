package lobby.provision.deploy;

import java.util.function.Supplier;

/**
 * The kiosk side of enrolment: put a one-time code into kiosk.properties (the kiosk trades it for
 * its own token at start), drop an older token (the kiosk would keep using it and ignore the
 * code), restart. The code is handled as a secret: through standard input, never printed.
 */
public final class EnrolmentAction {
    private EnrolmentAction() {
    }

    /**
     * @param code asked for only once the kiosk is known to be ready for it, so a code is not
     *             spent on a kiosk that cannot take it
     * @return what was done, without the code
     */
    public static String writeCode(KioskRun run, Supplier<String> code) {
        ConfigStep.OnKiosk config = ConfigStep.read(run);
        if (!config.exists()) {
            throw new StepFailure("no " + RemoteLayout.CONFIG_FILE + " on the kiosk yet: run provision apply first");
        }
        String text = KioskProperties.withEnrolmentCode(config.text(), code.get());
        ConfigStep.write(run, text);
        String t = Shell.quote(run.layout.token());
        boolean removed = run.sudoScript("if [ -e " + t + " ]; then rm -f " + t + "; echo removed; fi",
                "removing the old token file").strip().equals("removed");
        Service.restart(run);
        return "enrolment code written to " + RemoteLayout.CONFIG_FILE
                + (removed ? ", the kiosk's earlier token removed" : "") + ", " + RemoteLayout.SERVICE + " restarted";
    }
}
