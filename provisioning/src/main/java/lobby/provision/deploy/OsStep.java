package lobby.provision.deploy;

import java.util.Map;

/**
 * Which Raspberry Pi OS (Debian) release the kiosk runs decides its Java runtime. Only looks: an
 * unsupported release fails here, before anything is installed.
 */
final class OsStep implements Step {
    static final Map<String, String> JAVA_BY_CODENAME = Map.of("trixie", "openjdk-21-jre", "bookworm", "openjdk-17-jre");

    @Override
    public String name() {
        return "os";
    }

    @Override
    public Check check(KioskRun run) {
        String text = run.shOk("cat " + Shell.quote(run.layout.osRelease()), "reading /etc/os-release");
        String codename = field(text, "VERSION_CODENAME");
        String java = codename == null ? null : JAVA_BY_CODENAME.get(codename);
        if (java == null) {
            throw new StepFailure("unsupported OS: /etc/os-release says VERSION_CODENAME="
                    + (codename == null ? "(none)" : codename) + " (" + field(text, "PRETTY_NAME") + "); supported: "
                    + "Raspberry Pi OS 64-bit trixie (openjdk-21-jre) and bookworm (openjdk-17-jre)");
        }
        run.javaPackage = java;
        run.codename = codename;
        return Check.inPlace(codename + ", " + java);
    }

    @Override
    public String change(KioskRun run) {
        throw new IllegalStateException("the os step only looks");
    }

    /** KEY=value or KEY="value", as os-release(5) writes them. */
    static String field(String osRelease, String key) {
        for (String line : osRelease.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).strip().replaceAll("^[\"']|[\"']$", "");
            }
        }
        return null;
    }
}
