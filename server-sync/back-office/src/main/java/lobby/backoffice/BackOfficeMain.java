package lobby.backoffice;

import java.io.PrintStream;

/**
 * {@code java -jar back-office.jar [--data DIR] [--port N] [--seed-demo] [--tls-keystore ...] [--database URL]
 * [--restored-from-backup]}.
 * Prints one line "Back office listening on URL" once it serves (scripts and the kiosk demo wait
 * for it), then runs until stopped. Exit codes: 0 help, 1 could not start, 2 bad arguments.
 */
public final class BackOfficeMain {
    static final String LISTENING = "Back office listening on ";
    static final int EXIT_CANNOT_START = 1;
    static final int EXIT_USAGE = 2;

    private BackOfficeMain() {
    }

    public static void main(String[] args) {
        CommandLine.Parsed parsed = CommandLine.parse(args);
        if (parsed instanceof CommandLine.Help) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        if (parsed instanceof CommandLine.Invalid invalid) {
            usage(invalid.message());
            return;
        }
        CommandLine.Run run = (CommandLine.Run) parsed;
        ServerOptions.Tls tls = null;
        if (run.tlsKeystore() != null) {
            String password = System.getenv(run.tlsPasswordEnv());
            if (password == null) {
                usage("--tls-password-env " + run.tlsPasswordEnv() + ": that environment variable is not set");
                return;
            }
            tls = new ServerOptions.Tls(run.tlsKeystore(), password);
        }
        ServerOptions.Postgres postgres = null;
        if (run.databaseUrl() != null) {
            String password = null;
            if (run.databasePasswordEnv() != null) {
                password = System.getenv(run.databasePasswordEnv());
                if (password == null) {
                    usage("--database-password-env " + run.databasePasswordEnv()
                            + ": that environment variable is not set");
                    return;
                }
            }
            postgres = new ServerOptions.Postgres(run.databaseUrl(), password);
        }
        BackOfficeServer server;
        try {
            server = BackOfficeServer.start(ServerOptions.defaults(run.dataDir()).withPort(run.port())
                    .withSeedDemo(run.seedDemo()).withTls(tls, run.host()).withPostgres(postgres)
                    .withNewEpoch(run.restoredFromBackup()));
        } catch (RuntimeException e) {
            System.err.println("back office: cannot start on port " + run.port() + " with data in "
                    + run.dataDir().toAbsolutePath() + ": " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "back-office-shutdown"));
        report(server, System.out);
    }

    private static void usage(String message) {
        System.err.println("back office: " + message);
        System.err.print(CommandLine.USAGE);
        System.exit(EXIT_USAGE);
    }

    static void report(BackOfficeServer server, PrintStream out) {
        out.println("Database: " + server.store().where());
        server.demo().ifPresent(demo -> {
            out.println("Demo site \"" + demo.siteId() + "\": " + demo.codes().size() + " appointment QR codes for "
                    + demo.day() + " in " + demo.qrFolder().toAbsolutePath() + " (payloads listed in "
                    + demo.listing().getFileName() + ")");
            out.println("Demo logins (password " + DemoSite.PASSWORD + "): " + String.join(", ", demo.logins())
                    + " at " + server.baseUrl() + "/console (statistics: /stats, devices: /devices)");
            out.println("Lobby display: " + server.baseUrl() + "/board?site=" + demo.siteId() + "&key="
                    + demo.displayKey());
            demo.kioskTokens().forEach((kiosk, token) ->
                    out.println("Demo kiosk " + kiosk + " token (backoffice.token): " + token));
        });
        out.println(LISTENING + server.baseUrl());
        out.flush();
    }
}
