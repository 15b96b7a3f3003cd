package lobby.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lobby.provision.rollout.Rollout;

/**
 * {@code provision <command> --inventory FILE [options]}: the commands, their options and their
 * help, parsed by hand (a handful of options do not need a library). Options take their value as
 * the next argument or after '='; {@code --kiosk} may be repeated or given a comma-separated list.
 */
final class CommandLine {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_HOST_KEY = 3;

    /** Parsed arguments; fields not given are null (or empty, or the defaults). */
    record Options(String command, boolean help, Path inventory, List<String> kiosks, String site, int parallel,
                   int maxFailures, Path dist, String version, String adminUser, String adminPasswordEnv,
                   String fingerprint) {
    }

    /** Wrong arguments: exit code 2, with the command's usage. */
    static final class UsageException extends ProvisionException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final String SELECT = "--inventory FILE [--kiosk ID ...] [--site ID] [--parallel N] [--max-failures N]";
    private static final Map<String, String> SYNOPSIS = new LinkedHashMap<>();
    private static final Map<String, Set<String>> OPTIONS = new LinkedHashMap<>();

    static {
        Set<String> select = Set.of("--inventory", "--kiosk", "--site", "--parallel", "--max-failures");
        command("plan", "[--dist FILE [--version V]] " + SELECT,
                "Connects and checks every step; prints per kiosk what would change. Changes nothing.\n"
                        + "Without --dist the release steps (upload, switch) are not checked.",
                select, "--dist", "--version");
        command("apply", "--dist FILE [--version V] " + SELECT,
                "Runs the steps in order on each kiosk: os, packages, user, upload, config, unit, switch,\n"
                        + "restart, health. Each reports ok (nothing to do), changed, or failed (why). A kiosk that\n"
                        + "does not report healthy after the restart is rolled back to its previous release.\n"
                        + "--version defaults to the VERSION file in the tarball, else the tarball's name.",
                select, "--dist", "--version");
        command("status", SELECT,
                "Per kiosk: installed and previous version, service state, device health and last sync\n"
                        + "from the kiosk's health file, or that it cannot be reached. Every selected kiosk is\n"
                        + "looked at however many are unreachable (--max-failures does not apply to looking).",
                select);
        command("rollback", SELECT,
                "Switches current back to the previous release, restarts and waits for health.",
                select);
        command("enroll", "--admin-user U --admin-password-env VAR " + SELECT,
                "Logs in to the site's back office as an admin (password from environment variable VAR),\n"
                        + "gets a one-time enrolment code per kiosk, writes it into the kiosk's configuration and\n"
                        + "restarts the kiosk, which trades the code for its own token. Codes are never printed.",
                select, "--admin-user", "--admin-password-env");
        command("trust-host", "--inventory FILE --kiosk ID --fingerprint SHA256:...",
                "Fetches the kiosk's host key and, only if its fingerprint is the one given (read off the\n"
                        + "kiosk's screen or console), writes it to the known_hosts file, replacing the old one:\n"
                        + "the way to accept a replaced or reinstalled kiosk deliberately.",
                Set.of("--inventory", "--kiosk"), "--fingerprint");
    }

    private static void command(String name, String synopsis, String description, Set<String> common, String... more) {
        SYNOPSIS.put(name, "provision " + name + " " + synopsis + "\n\n" + description + "\n");
        Set<String> all = new HashSet<>(common);
        all.addAll(List.of(more));
        all.add("--help");
        OPTIONS.put(name, all);
    }

    private CommandLine() {
    }

    static String usage() {
        StringBuilder out = new StringBuilder("""
                provision: set up and update lobby kiosks over SSH

                usage: provision <command> --inventory FILE [options]   (provision <command> --help for more)

                commands:
                """);
        Map<String, String> oneLine = Map.of(
                "plan", "check every step on each kiosk; change nothing",
                "apply", "install or update a release (--dist FILE)",
                "status", "versions, service state and health of each kiosk",
                "rollback", "back to each kiosk's previous release",
                "enroll", "give each kiosk a one-time enrolment code from its back office",
                "trust-host", "accept a (replaced) kiosk's host key by its fingerprint");
        SYNOPSIS.keySet().forEach(c -> out.append(String.format("  %-12s%s%n", c, oneLine.get(c))));
        out.append("""

                options:
                  --inventory FILE      sites and kiosks (see the provisioning README)
                  --kiosk ID            only these kiosks (repeat, or ID,ID,...)
                  --site ID             only the kiosks of this site
                  --parallel N          kiosks at a time (default %d)
                  --max-failures N      start no more kiosks once N have failed (default %d)

                exit codes: 0 all ok, 1 a kiosk failed or the roll-out stopped, 2 usage or inventory error,
                            3 host key problem on any kiosk
                """.formatted(Rollout.DEFAULT_PARALLEL, Rollout.DEFAULT_MAX_FAILURES));
        return out.toString();
    }

    static String usage(String command) {
        return "usage: " + SYNOPSIS.get(command);
    }

    static Options parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            return new Options(null, true, null, List.of(), null, 0, 0, null, null, null, null, null);
        }
        Set<String> allowed = OPTIONS.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command \"" + command + "\" (commands: "
                    + String.join(", ", SYNOPSIS.keySet()) + ")");
        }
        Map<String, String> single = new LinkedHashMap<>();
        List<String> kiosks = new ArrayList<>();
        boolean help = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!name.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument \"" + arg + "\"");
            }
            if (!allowed.contains(name)) {
                throw new UsageException(command + ": unknown option " + name);
            }
            if (name.equals("--help")) {
                help = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(command + ": " + name + " needs a value");
                }
                value = args[++i];
            }
            if (name.equals("--kiosk")) {
                for (String id : value.split(",")) {
                    if (!id.isBlank()) {
                        kiosks.add(id.strip());
                    }
                }
            } else if (single.put(name, value) != null) {
                throw new UsageException(command + ": " + name + " given twice");
            }
        }
        if (help) {
            return new Options(command, true, null, List.of(), null, 0, 0, null, null, null, null, null);
        }
        require(command, single, "--inventory");
        switch (command) {
            case "apply" -> require(command, single, "--dist");
            case "enroll" -> {
                require(command, single, "--admin-user");
                require(command, single, "--admin-password-env");
            }
            case "trust-host" -> {
                require(command, single, "--fingerprint");
                if (kiosks.size() != 1) {
                    throw new UsageException("trust-host: give exactly one --kiosk");
                }
            }
            default -> {
            }
        }
        if (single.containsKey("--version") && !single.containsKey("--dist")) {
            throw new UsageException(command + ": --version goes with --dist");
        }
        String dist = single.get("--dist");
        return new Options(command, false, Path.of(single.get("--inventory")), List.copyOf(kiosks), single.get("--site"),
                positive(command, single, "--parallel", Rollout.DEFAULT_PARALLEL),
                positive(command, single, "--max-failures", Rollout.DEFAULT_MAX_FAILURES),
                dist == null ? null : Path.of(dist), single.get("--version"), single.get("--admin-user"),
                single.get("--admin-password-env"), single.get("--fingerprint"));
    }

    private static void require(String command, Map<String, String> given, String option) {
        if (!given.containsKey(option)) {
            throw new UsageException(command + ": " + option + " is required");
        }
    }

    private static int positive(String command, Map<String, String> given, String option, int dflt) {
        String v = given.get(option);
        if (v == null) {
            return dflt;
        }
        if (!v.matches("\\d{1,6}") || Integer.parseInt(v) < 1) {
            throw new UsageException(command + ": " + option + " must be a whole number from 1, was \"" + v + "\"");
        }
        return Integer.parseInt(v);
    }
}
