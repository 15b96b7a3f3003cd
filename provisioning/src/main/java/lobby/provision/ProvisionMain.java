package lobby.provision;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import lobby.provision.inventory.Inventory;
import lobby.provision.inventory.InventoryException;
import lobby.provision.inventory.InventoryParser;
import lobby.provision.inventory.Kiosk;
import lobby.provision.rollout.Console;
import lobby.provision.ssh.Connector;
import lobby.provision.ssh.MinaSsh;

/**
 * The technicians' tool: {@code java -jar provisioning.jar <command> --inventory FILE ...}. See
 * {@link CommandLine} for the commands and exit codes. Everything the technician must act on goes
 * to standard output as progress and summary lines; usage and inventory errors to standard error.
 */
public final class ProvisionMain {
    /** What a command does once its arguments are checked; returns the exit code. */
    interface Command {
        int run(Connector ssh);
    }

    private ProvisionMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** The whole tool, with its streams and environment given: what the tests call. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine.Options options;
        try {
            options = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("provision: " + e.getMessage());
            String command = args.length > 0 ? args[0] : "";
            err.print(isCommand(command) ? CommandLine.usage(command) : CommandLine.usage());
            return CommandLine.EXIT_USAGE;
        }
        if (options.help()) {
            out.print(options.command() == null ? CommandLine.usage() : CommandLine.usage(options.command()));
            return CommandLine.EXIT_OK;
        }
        try {
            Inventory inventory = InventoryParser.read(options.inventory());
            List<Kiosk> kiosks = Selection.kiosks(inventory, options);
            Console console = new Console(out, err, kiosks.stream().mapToInt(k -> k.id().length()).max().orElse(5));
            Command command = switch (options.command()) {
                case "plan", "apply" -> new DeployCommand(options, inventory, kiosks, console);
                case "status" -> new StatusCommand(options, inventory, kiosks, console);
                case "rollback" -> new RollbackCommand(options, inventory, kiosks, console);
                case "enroll" -> new EnrollCommand(options, inventory, kiosks, console, env);
                case "trust-host" -> new TrustHostCommand(options, inventory, kiosks.get(0), console);
                default -> throw new IllegalStateException("CommandLine let through " + options.command());
            };
            try (Connector ssh = MinaSsh.start()) {
                return command.run(ssh);
            }
        } catch (InventoryException e) {
            err.println(e.getMessage());
            return CommandLine.EXIT_USAGE;
        } catch (CommandLine.UsageException e) {
            err.println("provision " + options.command() + ": " + e.getMessage());
            return CommandLine.EXIT_USAGE;
        } catch (ProvisionException e) {
            err.println("provision " + options.command() + ": " + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
    }

    private static boolean isCommand(String name) {
        return List.of("plan", "apply", "status", "rollback", "enroll", "trust-host").contains(name);
    }
}
