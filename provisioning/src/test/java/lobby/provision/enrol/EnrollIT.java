package lobby.provision.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lobby.provision.TestLobby;
import lobby.provision.ssh.InProcessSshServer;
import lobby.provision.ssh.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * enroll against a small stand-in of the back office's two endpoints (same paths, cookie and JSON
 * as lobby.backoffice's AccessRoutes and KioskRoutes). The tool runs as the packaged jar in a
 * process of its own, so everything it writes to stdout and stderr, logs included, is captured
 * and searched for the secrets.
 */
class EnrollIT {
    static final String PASSWORD = "s3cret-Admin-pass";
    static final String SESSION = "session-7f3a9c1e5b";
    static final String CODE = "K7Q2-M9XA-4TPW";

    @TempDir
    Path dir;
    TestLobby lobby;
    InProcessSshServer ssh;
    HttpServer backOffice;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        backOffice = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backOffice.createContext("/api/login", this::login);
        backOffice.createContext("/api/kiosks/enrolment-codes", this::code);
        backOffice.start();
        lobby = new TestLobby(dir, "ed25519");
        lobby.backoffice = "http://127.0.0.1:" + backOffice.getAddress().getPort();
        Path hostKey = TestKeys.generate(dir, "host_ed25519", "ed25519");
        ssh = InProcessSshServer.start(hostKey, lobby.authorizedKeys());
        lobby.trust(ssh.port(), hostKey);
    }

    @AfterEach
    void stop() throws IOException {
        ssh.close();
        backOffice.stop(0);
    }

    @Test
    void theCodeLandsInTheKiosksConfigurationAndInNoOutput() throws Exception {
        TestLobby.TestKiosk kiosk = lobby.kiosk("lobby-1", ssh.port());
        assertEquals(0, lobby.tool("apply", "--dist", lobby.dist("0.1.0", true).toString()).exit());
        Path oldToken = kiosk.path("/var/lib/lobby-kiosk/backoffice.token");
        Files.writeString(oldToken, "old-token-revoked\n");
        int logged = kiosk.log().size();

        Result run = jar("enroll", "--inventory", lobby.inventory.toString(), "--admin-user", "admin",
                "--admin-password-env", "LOBBY_ADMIN_PASSWORD");

        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("lobby-1  enrolment code written to /etc/lobby-kiosk/kiosk.properties"), run.out());
        assertTrue(run.out().contains("the code expires 2026-11-23T10:00:00Z"), run.out());
        Path config = kiosk.path("/etc/lobby-kiosk/kiosk.properties");
        assertTrue(Files.readString(config).endsWith("\nbackoffice.enrolment-code=" + CODE + "\n"), Files.readString(config));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertFalse(Files.exists(oldToken), "the kiosk would keep using an old token instead of the code");
        assertTrue(kiosk.log().subList(logged, kiosk.log().size()).contains("systemctl restart lobby-kiosk"));
        for (String secret : List.of(CODE, CODE.replace("-", ""), PASSWORD, SESSION)) {
            assertFalse(run.all().contains(secret), "a secret in the output: " + run.all());
        }
        assertEquals(List.of("login admin " + PASSWORD, "code lobby-1 gz-tianhe with session"), requests);

        TestLobby.Run again = lobby.tool("apply", "--dist", lobby.dist("0.1.0", true).toString());

        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("[5/9] config ... ok"), "apply keeps the pending code: " + again.out());
        assertTrue(Files.readString(config).contains("backoffice.enrolment-code=" + CODE + "\n"));
        assertFalse(again.all().contains(CODE));
    }

    @Test
    void aRefusedLoginIsReportedAndNoCodeIsAskedFor() throws Exception {
        TestLobby.TestKiosk kiosk = lobby.kiosk("lobby-1", ssh.port());
        assertEquals(0, lobby.tool("apply", "--dist", lobby.dist("0.1.0", true).toString()).exit());
        Path config = kiosk.path("/etc/lobby-kiosk/kiosk.properties");
        String before = Files.readString(config);

        TestLobby.Run run = lobby.toolWithEnv(Map.of("PW", "not-the-password"), "enroll", "--admin-user",
                "admin", "--admin-password-env", "PW");

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("refused the login of admin: wrong user name or password"), run.out());
        assertEquals(List.of("login admin not-the-password"), requests);
        assertEquals(before, Files.readString(config));
        assertFalse(run.all().contains("not-the-password"));
    }

    @Test
    void aKioskNeverAppliedIsRefusedBeforeACodeIsSpent() throws Exception {
        lobby.kiosk("lobby-1", ssh.port());

        TestLobby.Run run = lobby.toolWithEnv(Map.of("PW", PASSWORD), "enroll", "--admin-user", "admin",
                "--admin-password-env", "PW");

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("no /etc/lobby-kiosk/kiosk.properties on the kiosk yet: run provision apply first"),
                run.out());
        assertEquals(List.of(), requests);
    }

    private void login(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String user = field(body, "username");
        String password = field(body, "password");
        requests.add("login " + user + " " + password);
        if (!ex.getRequestMethod().equals("POST") || !"admin".equals(user) || !PASSWORD.equals(password)) {
            answer(ex, 401, "{\"error\":\"wrong user name or password\"}");
            return;
        }
        ex.getResponseHeaders().add("Set-Cookie", "lobby_session=" + SESSION + "; Path=/; Max-Age=43200; HttpOnly; "
                + "SameSite=Strict");
        answer(ex, 200, "{\"username\":\"admin\",\"name\":\"Admin\",\"role\":\"ADMIN\",\"advisorId\":null,\"siteId\":null}");
    }

    private void code(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String cookie = ex.getRequestHeaders().getFirst("Cookie");
        boolean session = cookie != null && cookie.contains("lobby_session=" + SESSION);
        requests.add("code " + field(body, "kioskId") + " " + field(body, "siteId") + (session ? " with session" : ""));
        if (!session) {
            answer(ex, 401, "{\"error\":\"this endpoint needs credentials\"}");
            return;
        }
        answer(ex, 200, "{\"code\":\"" + CODE + "\",\"kioskId\":\"" + field(body, "kioskId") + "\",\"siteId\":\""
                + field(body, "siteId") + "\",\"expiresAt\":\"2026-11-23T10:00:00Z\"}");
    }

    /** Enough JSON for {"a":"b",...} with plain values: the test's own reading, not the tool's. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** The packaged tool, as a technician runs it: java -jar target/provisioning-*.jar (lib/ beside it). */
    private Result jar(String... args) throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("provisioning-.*\\.jar")
                    && !p.getFileName().toString().matches(".*-(tests|sources)\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/provisioning-*.jar: run mvn package first"));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LOBBY_ADMIN_PASSWORD", PASSWORD);
        Path out = dir.resolve("jar.out");
        Path err = dir.resolve("jar.err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the tool did not finish within 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
