package lobby.provision.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The Debian packages a kiosk needs: its Java runtime, a CJK font (customers' names and the
 * screens are in Chinese), cage (the kiosk compositor) and XWayland (JavaFX draws through X11).
 */
final class PackagesStep implements Step {
    static final List<String> ALWAYS = List.of("fonts-wqy-microhei", "cage", "xwayland");
    private List<String> missing = List.of();

    @Override
    public String name() {
        return "packages";
    }

    @Override
    public Check check(KioskRun run) {
        missing = missing(run);
        return missing.isEmpty() ? Check.inPlace(String.join(", ", wanted(run)) + " installed")
                : Check.needed("install " + String.join(", ", missing));
    }

    @Override
    public String change(KioskRun run) {
        // Lists on a freshly imaged card are months old; a failed update (no network) shows in install.
        run.sh("sudo apt-get update -qq");
        run.sudo("env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "
                + String.join(" ", missing), "apt-get install " + String.join(" ", missing));
        List<String> still = missing(run);
        if (!still.isEmpty()) {
            throw new StepFailure("apt-get install succeeded but dpkg still lists as not installed: "
                    + String.join(", ", still));
        }
        return "installed " + String.join(", ", missing);
    }

    private static List<String> wanted(KioskRun run) {
        List<String> all = new ArrayList<>();
        all.add(run.javaPackage);
        all.addAll(ALWAYS);
        return all;
    }

    /** One round trip for all of them: "name<TAB>status" per package. */
    private static List<String> missing(KioskRun run) {
        List<String> wanted = wanted(run);
        String out = run.shOk("for p in " + String.join(" ", wanted.stream().map(Shell::quote).toList())
                + "; do printf '%s\\t' \"$p\"; dpkg-query -W -f='${Status}' \"$p\" 2>/dev/null; echo; done",
                "asking dpkg which packages are installed");
        List<String> installed = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", 2);
            if (f.length == 2 && f[1].strip().equals("install ok installed")) {
                installed.add(f[0]);
            }
        }
        return wanted.stream().filter(p -> !installed.contains(p)).toList();
    }
}
