package lobby.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void noArgumentsServeTheDefaultFolderOnTheDefaultPort() {
        assertEquals(new CommandLine.Run(CommandLine.DEFAULT_DATA, 8080, false), CommandLine.parse());
    }

    @Test
    void allOptionsInAnyOrder() {
        assertEquals(new CommandLine.Run(Path.of("/srv/lobby"), 0, true),
                CommandLine.parse("--seed-demo", "--port", "0", "--data", "/srv/lobby"));
    }

    @Test
    void tlsOptionsAndAHostGoTogether() {
        assertEquals(new CommandLine.Run(Path.of("d"), 8443, false, "0.0.0.0", Path.of("/etc/lobby/server.p12"),
                        "LOBBY_TLS_PASSWORD", null, null, false),
                CommandLine.parse("--data", "d", "--port", "8443", "--host", "0.0.0.0", "--tls-keystore",
                        "/etc/lobby/server.p12", "--tls-password-env", "LOBBY_TLS_PASSWORD"));
        assertEquals(new CommandLine.Run(CommandLine.DEFAULT_DATA, 8080, false, "127.0.0.1", null, null, null, null,
                        false),
                CommandLine.parse("--host", "127.0.0.1"));
        assertInvalid("plain HTTP is served on loopback only", "--host", "0.0.0.0");
        assertInvalid("go together", "--tls-keystore", "k.p12");
        assertInvalid("go together", "--tls-password-env", "X");
    }

    @Test
    void aPostgresDatabaseIsNamedByItsJdbcUrl() {
        assertEquals(new CommandLine.Run(CommandLine.DEFAULT_DATA, 8080, false, null, null, null,
                        "jdbc:postgresql://db:5432/lobby?user=lobby", "LOBBY_DB_PASSWORD", false),
                CommandLine.parse("--database", "jdbc:postgresql://db:5432/lobby?user=lobby",
                        "--database-password-env", "LOBBY_DB_PASSWORD"));
        assertInvalid("jdbc:postgresql://", "--database", "postgres://db/lobby");
        assertInvalid("goes with --database", "--database-password-env", "X");
    }

    @Test
    void aRestoreFromBackupStartsANewEpochAndTheHelpSaysWhy() {
        assertEquals(new CommandLine.Run(Path.of("d"), 8080, false, null, null, null, null, null, true),
                CommandLine.parse("--restored-from-backup", "--data", "d"));
        String usage = CommandLine.USAGE.replaceAll("\\s+", " ");
        assertTrue(usage.contains("--restored-from-backup after restoring the database from a backup: start a new"
                + " data epoch, so kiosks push again what the backup lacks and reload"), CommandLine.USAGE);
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertInstanceOf(CommandLine.Help.class, CommandLine.parse("--port", "1", "--help"));
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertInvalid("--port must be a number", "--port", "eighty");
        assertInvalid("was 70000", "--port", "70000");
        assertInvalid("was -1", "--port", "-1");
        assertInvalid("--data needs a value", "--data");
        assertInvalid("--port needs a value", "--port", "--seed-demo");
        assertInvalid("unknown argument \"--verbose\"", "--verbose");
    }

    private static void assertInvalid(String expected, String... args) {
        CommandLine.Invalid invalid = assertInstanceOf(CommandLine.Invalid.class, CommandLine.parse(args));
        assertTrue(invalid.message().contains(expected), invalid.message());
    }
}
