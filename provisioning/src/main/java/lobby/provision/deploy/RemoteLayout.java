package lobby.provision.deploy;

/**
 * Where things live on a kiosk, all under {@code root} ("/" on a real kiosk; a temporary folder
 * in tests, so a test can deploy to this machine without touching /opt or /etc). Paths written
 * INTO files (the unit, the configuration) are the real ones, without the root: they are read by
 * the kiosk's systemd and the kiosk itself.
 */
final class RemoteLayout {
    public static final String SERVICE = "lobby-kiosk";
    public static final String SERVICE_USER = "lobby-kiosk";
    public static final String APP_DIR = "/opt/lobby-kiosk";
    public static final String CONFIG_FILE = "/etc/lobby-kiosk/kiosk.properties";
    public static final String DATA_DIR = "/var/lib/lobby-kiosk";
    public static final String UNIT_FILE = "/etc/systemd/system/lobby-kiosk.service";
    /** The kiosk rewrites it every 10 s; see kiosk-app. */
    public static final String HEALTH_FILE = DATA_DIR + "/health.json";
    /** Written by the kiosk after enrolling; a configured token or this file wins over an enrolment code. */
    public static final String TOKEN_FILE = DATA_DIR + "/backoffice.token";

    private final String root;

    public RemoteLayout(String root) {
        this.root = root.equals("/") ? "" : root.replaceAll("/+$", "");
    }

    public String under(String absolute) {
        return root + absolute;
    }

    public String osRelease() {
        return under("/etc/os-release");
    }

    public String appDir() {
        return under(APP_DIR);
    }

    public String releases() {
        return under(APP_DIR + "/releases");
    }

    public String release(String version) {
        return releases() + "/" + version;
    }

    public String current() {
        return under(APP_DIR + "/current");
    }

    public String previous() {
        return under(APP_DIR + "/previous");
    }

    public String config() {
        return under(CONFIG_FILE);
    }

    public String unit() {
        return under(UNIT_FILE);
    }

    public String health() {
        return under(HEALTH_FILE);
    }

    public String token() {
        return under(TOKEN_FILE);
    }

    /** Link targets are relative ("releases/0.2.0"), so they resolve under any root. */
    public static String linkTarget(String version) {
        return "releases/" + version;
    }

    /** "releases/0.2.0" -> "0.2.0"; null stays null. */
    public static String versionOf(String linkTarget) {
        if (linkTarget == null) {
            return null;
        }
        String t = linkTarget.replaceAll("/+$", "");
        return t.substring(t.lastIndexOf('/') + 1);
    }
}
