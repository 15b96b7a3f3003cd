package lobby.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a process of its own, the way the kiosk demo starts it. */
class BackOfficeMainIT {
    private static final long DEADLINE_SECONDS = 60;

    @TempDir
    Path dir;
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("back-office-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("-tests"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("package the module first"));
        }
    }

    private Process launch(String... args) throws IOException {
        return launch(java.util.Map.of(), args);
    }

    private Process launch(java.util.Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        process = pb.start();
        return process;
    }

    /** The first line that starts with {@code prefix}, the rest of it; lines read go to {@code seen}. */
    private static String awaitLine(Process p, String prefix, List<String> seen) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    seen.add(line);
                    if (line.startsWith(prefix)) {
                        return line.substring(prefix.length());
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void withAKeystoreItServesHttpsAndWithoutItsPasswordItDoesNotStart() throws Exception {
        Path ks = HttpsIT.keystore(dir);
        Process p = launch(java.util.Map.of("LOBBY_TEST_TLS", HttpsIT.PASSWORD), "--data", dir.toString(), "--port", "0",
                "--tls-keystore", ks.toString(), "--tls-password-env", "LOBBY_TEST_TLS", "--host", "127.0.0.1");
        List<String> seen = new ArrayList<>();
        String url = awaitLine(p, BackOfficeMain.LISTENING, seen);
        assertTrue(url != null && url.matches("https://localhost:\\d+"), seen + " / " + stderr());
        java.net.http.HttpResponse<String> health = HttpsIT.trusting(ks).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url + "/api/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        process.destroy();
        assertTrue(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));

        Process missing = launch("--data", dir.toString(), "--tls-keystore", ks.toString(), "--tls-password-env",
                "LOBBY_TEST_TLS_UNSET");
        assertTrue(missing.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "still running");
        assertEquals(BackOfficeMain.EXIT_USAGE, missing.exitValue());
        assertTrue(stderr().contains("LOBBY_TEST_TLS_UNSET"), stderr());
    }

    @Test
    void theJarServesTheDemoAndSaysWhereItListens() throws Exception {
        Process p = launch("--data", dir.toString(), "--port", "0", "--seed-demo");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    seen.add(line);
                    if (line.startsWith(BackOfficeMain.LISTENING)) {
                        return line.substring(BackOfficeMain.LISTENING.length());
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }).get(DEADLINE_SECONDS, TimeUnit.SECONDS);

        assertTrue(url != null && url.matches("http://localhost:\\d+"), seen + " / " + stderr());
        assertEquals(200, new Http(url).get("/api/health").statusCode());
        String tokenLine = "Demo kiosk demo-kiosk-1 token (backoffice.token): ";
        String token = seen.stream().filter(l -> l.startsWith(tokenLine)).findFirst()
                .orElseThrow(() -> new AssertionError("no demo kiosk token in " + seen)).substring(tokenLine.length());
        assertEquals(401, new Http(url).get("/api/sites/demo/snapshot").statusCode());
        assertEquals(200, new Http(url).bearer(token).get("/api/sites/demo/snapshot").statusCode());
        assertTrue(seen.stream().anyMatch(l -> l.contains("password " + DemoSite.PASSWORD) && l.contains("manager")),
                seen.toString());
        String board = seen.stream().filter(l -> l.startsWith("Lobby display: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no display URL in " + seen)).substring("Lobby display: ".length());
        assertTrue(board.startsWith(url + "/board?site=demo&key="), board);
        assertEquals(200, new Http(url).get("/api/sites/demo/board?key=" + board.substring(board.indexOf("key=") + 4))
                .statusCode());
        String qrFolder = dir.resolve("qr").toAbsolutePath().toString();
        assertTrue(seen.stream().anyMatch(l -> l.contains(qrFolder)), seen.toString());
        assertTrue(Files.isRegularFile(dir.resolve("backoffice.db")));
    }

    @Test
    void badArgumentsExitWith2AndSayWhy() throws Exception {
        Process p = launch("--port", "eighty");
        assertTrue(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "still running");
        assertEquals(BackOfficeMain.EXIT_USAGE, p.exitValue());
        assertTrue(stderr().contains("--port must be a number"), stderr());
    }

    private String stderr() throws IOException {
        Path err = dir.resolve("stderr.txt");
        return Files.exists(err) ? Files.readString(err) : "";
    }
}
