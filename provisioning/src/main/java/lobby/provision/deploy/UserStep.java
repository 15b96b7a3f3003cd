package lobby.provision.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The service user: a system account whose home is the data folder, in dialout (the serial
 * printer and scanner) and gpio (the call lamps), so the kiosk never runs as root.
 */
final class UserStep implements Step {
    static final List<String> GROUPS = List.of("dialout", "gpio");
    private boolean exists;

    @Override
    public String name() {
        return "user";
    }

    @Override
    public Check check(KioskRun run) {
        String user = RemoteLayout.SERVICE_USER;
        String out = run.shOk("id -u " + user + " >/dev/null 2>&1 || { echo '(no such user)'; exit 0; }; id -nG " + user,
                "looking up user " + user).strip();
        exists = !out.equals("(no such user)");
        if (!exists) {
            return Check.needed("create user " + user + " in " + String.join(", ", GROUPS));
        }
        List<String> missing = missingGroups(out);
        return missing.isEmpty() ? Check.inPlace(user + " in " + String.join(", ", GROUPS))
                : Check.needed("add " + user + " to " + String.join(", ", missing));
    }

    @Override
    public String change(KioskRun run) {
        String user = RemoteLayout.SERVICE_USER;
        String groups = String.join(",", GROUPS);
        if (!exists) {
            run.sudo("useradd --system --create-home --home-dir " + RemoteLayout.DATA_DIR + " --groups " + groups
                    + " " + user, "useradd " + user);
            return "created " + user + " in " + String.join(", ", GROUPS);
        }
        run.sudo("usermod -aG " + groups + " " + user, "usermod " + user);
        return "added " + user + " to " + String.join(", ", GROUPS);
    }

    private static List<String> missingGroups(String idNG) {
        List<String> have = Arrays.asList(idNG.split("\\s+"));
        List<String> missing = new ArrayList<>();
        for (String g : GROUPS) {
            if (!have.contains(g)) {
                missing.add(g);
            }
        }
        return missing;
    }
}
