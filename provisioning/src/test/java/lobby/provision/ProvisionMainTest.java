package lobby.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Arguments, help and exit code 2: everything decided before any kiosk is contacted. */
class ProvisionMainTest {
    @TempDir
    Path dir;
    Path inventory;

    @BeforeEach
    void inventory() throws IOException {
        Files.writeString(dir.resolve("id"), "key");
        inventory = dir.resolve("inventory.conf");
        Files.writeString(inventory, """
                known-hosts = known_hosts
                [site gz]
                backoffice = https://bo.example.cn
                [kiosk lobby-1]
                site = gz
                host = 127.0.0.1
                user = pi
                key = id
                """);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ProvisionMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "apply", "status", "rollback", "enroll", "trust-host"})
    void everyCommandHasHelp(String command) {
        Run run = run(command, "--help");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("usage: provision " + command + " "), run.out());
    }

    @Test
    void theToolsHelpListsCommandsAndExitCodes() {
        Run run = run("--help");

        assertEquals(0, run.exit());
        assertTrue(run.out().contains("  trust-host  accept a (replaced) kiosk's host key by its fingerprint\n"), run.out());
        assertTrue(run.out().contains("3 host key problem on any kiosk"), run.out());
    }

    @Test
    void usageErrorsExitWith2AndSayWhatIsWrong() {
        assertUsage(run(), "provision: no command given");
        assertUsage(run("deploy"), "provision: unknown command \"deploy\" (commands: plan, apply, status, rollback, "
                + "enroll, trust-host)");
        assertUsage(run("apply", "--inventory", inventory.toString()), "provision: apply: --dist is required");
        assertUsage(run("status", "--inventory", inventory.toString(), "--parallel", "0"),
                "provision: status: --parallel must be a whole number from 1, was \"0\"");
        assertUsage(run("status", "--inventory", inventory.toString(), "--dist", "x.tar.gz"),
                "provision: status: unknown option --dist");
        assertUsage(run("status", "--inventory"), "provision: status: --inventory needs a value");
        assertUsage(run("trust-host", "--inventory", inventory.toString(), "--fingerprint", "SHA256:x"),
                "provision: trust-host: give exactly one --kiosk");
    }

    @Test
    void selectionAndCommandChecksHappenBeforeAnyConnection() {
        assertUsage(run("status", "--inventory", inventory.toString(), "--kiosk", "lobby-9"),
                "provision status: no kiosk \"lobby-9\" in " + inventory + " (kiosks: lobby-1)");
        assertUsage(run("status", "--inventory", inventory.toString(), "--site", "sz"),
                "provision status: no site \"sz\" in " + inventory + " (sites: gz)");
        assertUsage(run("apply", "--inventory", inventory.toString(), "--dist", dir.resolve("none.tar.gz").toString()),
                "provision apply: distribution " + dir.resolve("none.tar.gz") + " does not exist");
        assertUsage(run("enroll", "--inventory", inventory.toString(), "--admin-user", "admin", "--admin-password-env",
                "LOBBY_TEST_UNSET"), "provision enroll: environment variable LOBBY_TEST_UNSET (--admin-password-env) is "
                + "not set; put the admin's password there");
        assertUsage(run("trust-host", "--inventory", inventory.toString(), "--kiosk", "lobby-1", "--fingerprint", "abc"),
                "provision trust-host: --fingerprint must be SHA256: and 43 base64 characters, as ssh-keygen -lf "
                        + "prints it; got \"abc\"");
    }

    @Test
    void anInventoryErrorExitsWith2WithItsLine() throws IOException {
        Files.writeString(inventory, Files.readString(inventory).replace("user = pi", "usr = pi"));

        Run run = run("status", "--inventory", inventory.toString());

        assertEquals(2, run.exit());
        assertEquals(List.of(inventory + ":7: unknown key \"usr\" in [kiosk lobby-1] (known: site, host, port, user, key, "
                + "root, path, health-timeout-s)", inventory + ":4: missing required key \"user\" in [kiosk lobby-1]")
                .stream().sorted().toList(), run.err().lines().sorted().toList());
    }

    private static void assertUsage(Run run, String firstLine) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(firstLine, run.err().lines().findFirst().orElse(""), run.err());
    }
}
