package lobby.provision.deploy;

import static lobby.provision.deploy.Shell.quote;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes kiosk.properties from the inventory when it differs from the kiosk's. The file may
 * hold the kiosk's token or enrolment code, so it is root's, group lobby-kiosk, mode 0640, and
 * written whole (a temporary file renamed over it) through standard input, never a command line.
 * Ownership is set on every write but only the mode is compared: the group cannot be checked
 * where chown is a stand-in (tests), and a wrong owner comes with a rewrite anyway.
 */
final class ConfigStep implements Step {
    static final String MODE = "640";
    private String wanted;

    @Override
    public String name() {
        return "config";
    }

    @Override
    public Check check(KioskRun run) {
        OnKiosk file = read(run);
        wanted = KioskProperties.render(run.kiosk, file.exists() ? KioskProperties.secrets(file.text()) : Map.of());
        if (!file.exists()) {
            return Check.needed("write " + RemoteLayout.CONFIG_FILE + " (new)");
        }
        if (!file.text().equals(wanted)) {
            return Check.needed(KioskProperties.difference(file.text(), wanted));
        }
        if (!file.mode().equals(MODE)) {
            return Check.needed("mode " + file.mode() + " -> 0" + MODE);
        }
        return Check.inPlace("up to date");
    }

    @Override
    public String change(KioskRun run) {
        write(run, wanted);
        return "wrote " + RemoteLayout.CONFIG_FILE;
    }

    /** The kiosk's file as it is: mode and text, or absent. */
    record OnKiosk(boolean exists, String mode, String text) {
    }

    static OnKiosk read(KioskRun run) {
        String f = quote(run.layout.config());
        String out = run.sudoScript("if [ -e " + f + " ]; then stat -c %a " + f + " && cat " + f + "; else echo absent; fi",
                "reading " + RemoteLayout.CONFIG_FILE);
        int nl = out.indexOf('\n');
        String first = nl < 0 ? out.strip() : out.substring(0, nl).strip();
        if (first.equals("absent")) {
            return new OnKiosk(false, null, null);
        }
        return new OnKiosk(true, first, nl < 0 ? "" : out.substring(nl + 1));
    }

    static void write(KioskRun run, String text) {
        String file = run.layout.config();
        String dir = quote(file.substring(0, file.lastIndexOf('/')));
        String script = "set -e; mkdir -p " + dir + "; umask 077; t=$(mktemp " + dir + "/.kiosk.properties.XXXXXX); "
                + "cat > \"$t\"; chown root:" + RemoteLayout.SERVICE_USER + " \"$t\"; chmod 0" + MODE + " \"$t\"; "
                + "mv -f \"$t\" " + quote(file);
        run.sudoScript(script, text.getBytes(StandardCharsets.UTF_8), "writing " + RemoteLayout.CONFIG_FILE);
    }
}
