package lobby.backoffice;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The back office's command line, parsed into what to do; no side effects, so it is easy to test. */
final class CommandLine {
    /** Relative to the working folder, so {@code java -jar} with no arguments just works. */
    static final Path DEFAULT_DATA = Path.of("backoffice-data");

    static final String USAGE = """
            Usage: java -jar back-office.jar [--data DIR] [--port N] [--host ADDR] [--seed-demo]
                                             [--tls-keystore FILE --tls-password-env VAR]
                                             [--database URL [--database-password-env VAR]]
                                             [--restored-from-backup]
              --data DIR    folder for backoffice.db (and qr/ with --seed-demo); default ./backoffice-data
              --port N      port, 0 for any free port; default 8080
              --host ADDR   address to listen on; default 127.0.0.1, or 0.0.0.0 with TLS.
                            Plain HTTP is served on loopback only: other addresses need TLS.
              --tls-keystore FILE     PKCS#12 keystore with the server's key and certificate: serve HTTPS
              --tls-password-env VAR  environment variable holding the keystore's password
              --database URL  keep the data in PostgreSQL instead of DIR/backoffice.db, e.g.
                            jdbc:postgresql://db.example:5432/lobby?user=lobby (the database must
                            exist; tables are created). Several back offices may share it.
              --database-password-env VAR  environment variable holding the database password
              --seed-demo   create or refresh the demo site "demo" with today's appointments, its
                            logins, display key and kiosk tokens, and write the QR codes (PNG and
                            appointments.txt) into DIR/qr
              --restored-from-backup  after restoring the database from a backup: start a new
                            data epoch, so kiosks push again what the backup lacks and reload
              --help        show this text
            """;

    sealed interface Parsed permits Run, Help, Invalid {
    }

    /**
     * @param tlsKeystore null for plain HTTP; then tlsPasswordEnv is null too
     * @param databaseUrl null for the SQLite file in dataDir
     * @param restoredFromBackup start a new data epoch (see ServerOptions#newEpoch)
     */
    record Run(Path dataDir, int port, boolean seedDemo, String host, Path tlsKeystore, String tlsPasswordEnv,
               String databaseUrl, String databasePasswordEnv, boolean restoredFromBackup) implements Parsed {
        Run(Path dataDir, int port, boolean seedDemo) {
            this(dataDir, port, seedDemo, null, null, null, null, null, false);
        }
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
        String host = null;
        Path keystore = null;
        String passwordEnv = null;
        String databaseUrl = null;
        String databasePasswordEnv = null;
        boolean restored = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new Help();
                }
                case "--seed-demo" -> seed = true;
                case "--restored-from-backup" -> restored = true;
                case "--data", "--port", "--host", "--tls-keystore", "--tls-password-env", "--database",
                     "--database-password-env" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        return new Invalid(arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--data", "--tls-keystore" -> {
                            try {
                                Path path = Path.of(value);
                                if (arg.equals("--data")) {
                                    data = path;
                                } else {
                                    keystore = path;
                                }
                            } catch (InvalidPathException e) {
                                return new Invalid(arg + ": not a usable path: " + value);
                            }
                        }
                        case "--port" -> {
                            try {
                                port = Integer.parseInt(value);
                            } catch (NumberFormatException e) {
                                return new Invalid("--port must be a number 0-65535, was \"" + value + "\"");
                            }
                            if (port < 0 || port > 65_535) {
                                return new Invalid("--port must be 0-65535 (0 = any free port), was " + port);
                            }
                        }
                        case "--host" -> host = value;
                        case "--database" -> {
                            if (!value.startsWith("jdbc:postgresql://")) {
                                return new Invalid("--database must be a jdbc:postgresql:// URL, was \""
                                        + value.replaceAll("password=[^&]*", "password=***") + "\"");
                            }
                            databaseUrl = value;
                        }
                        case "--database-password-env" -> databasePasswordEnv = value;
                        default -> passwordEnv = value;
                    }
                }
                default -> {
                    return new Invalid("unknown argument \"" + arg + "\"");
                }
            }
        }
        if ((keystore == null) != (passwordEnv == null)) {
            return new Invalid("--tls-keystore and --tls-password-env go together");
        }
        if (keystore == null && host != null && !ServerOptions.loopback(host)) {
            return new Invalid("--host " + host + " is not a loopback address: plain HTTP is served on loopback"
                    + " only; give --tls-keystore and --tls-password-env to listen there");
        }
        if (databasePasswordEnv != null && databaseUrl == null) {
            return new Invalid("--database-password-env goes with --database");
        }
        return new Run(data, port, seed, host, keystore, passwordEnv, databaseUrl, databasePasswordEnv, restored);
    }
}
