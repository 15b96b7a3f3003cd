package lobby.backoffice;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The back office's command line, parsed into what to do; no side effects, so it is easy to test. */
final class CommandLine {
    /** Relative to the working folder, so {@code java -jar} with no arguments just works. */
    static final Path DEFAULT_DATA = Path.of("backoffice-data");

    static final String USAGE = """
            Usage: java -jar back-office.jar [--data DIR] [--port N] [--seed-demo]
              --data DIR    folder for backoffice.db (and qr/ with --seed-demo); default ./backoffice-data
              --port N      HTTP port, 0 for any free port; default 8080
              --seed-demo   create or refresh the demo site "demo" with today's appointments and
                            write their QR codes (PNG and appointments.txt) into DIR/qr
              --help        show this text
            """;

    sealed interface Parsed permits Run, Help, Invalid {
    }

    record Run(Path dataDir, int port, boolean seedDemo) implements Parsed {
    }

    record Help() implements Parsed {
    }

    record Invalid(String message) implements Parsed {
    }

    private CommandLine() {
    }

    static Parsed parse(String... args) {
        Path data = DEFAULT_DATA;
        int port = BackOfficeServer.DEFAULT_PORT;
        boolean seed = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new Help();
                }
                case "--seed-demo" -> seed = true;
                case "--data", "--port" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        return new Invalid(arg + " needs a value");
                    }
                    String value = args[++i];
                    if (arg.equals("--data")) {
                        try {
                            data = Path.of(value);
                        } catch (InvalidPathException e) {
                            return new Invalid("--data: not a usable path: " + value);
                        }
                    } else {
                        try {
                            port = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            return new Invalid("--port must be a number 0-65535, was \"" + value + "\"");
                        }
                        if (port < 0 || port > 65_535) {
                            return new Invalid("--port must be 0-65535 (0 = any free port), was " + port);
                        }
                    }
                }
                default -> {
                    return new Invalid("unknown argument \"" + arg + "\"");
                }
            }
        }
        return new Run(data, port, seed);
    }
}
