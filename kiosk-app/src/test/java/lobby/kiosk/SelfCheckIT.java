package lobby.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lobby-kiosk --self-check DIR} on this machine: through the real launcher of the
 * trixie distribution (its aarch64 JavaFX is never loaded on the console), with a window under
 * headless Monocle, and with a store that cannot open. The emulated Pi check (EmulatedPiIT) runs
 * the same mode on the Pi's own OS.
 */
class SelfCheckIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void theLauncherChecksAWalkInAndReportsWithoutAWindow() throws Exception {
        Path dist = unpack("trixie");
        Path config = config(Map.of("ui", "console"));
        Path out = dir.resolve("out");

        ProcessBuilder pb = new ProcessBuilder("sh", dist.resolve("bin/lobby-kiosk").toString(), "--config",
                config.toString(), "--self-check", out.toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("LOBBY_KIOSK_DATA", dir.resolve("data").toString());
        int status = run(pb);

        JsonNode report = report(out);
        assertEquals(0, status, report.toPrettyString());
        assertEquals(Files.readString(dist.resolve("VERSION")).strip(), report.get("version").asText());
        assertEquals(SelfCheck.os(), report.get("os").asText());
        assertEquals(System.getProperty("os.arch"), report.get("arch").asText());
        assertTrue(report.get("glibc").asText().matches("\\d+\\.\\d+"), report.get("glibc").asText());
        assertTrue(report.get("ok").asBoolean());
        assertTrue(report.at("/store/ok").asBoolean());
        assertEquals(dir.resolve("data/kiosk.db").toString(), report.at("/store/file").asText());
        assertEquals("BZ01", report.at("/checkIn/ticket").asText(), "no back office yet: the kiosk's own series");
        assertTrue(report.at("/printer/printed").asBoolean(), report.toPrettyString());
        assertFalse(report.at("/window/tried").asBoolean());
        assertTrue(report.get("welcomeShownMs").isNull());
        assertFalse(Files.exists(out.resolve(SelfCheck.PICTURE)));
    }

    @Test
    void theWindowIsShownReadAndPicturedAndTheLampsSayThereIsNoChip() throws Exception {
        Path config = config(Map.of("ui", "window", "lamps.driver", "gpiod", "lamps.pins", "1:17"));
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), KioskMain.class.getName(),
                "--config", config.toString(), "--self-check", out.toString()));
        int status = run(new ProcessBuilder(cmd));

        JsonNode report = report(out);
        assertEquals(0, status, report.toPrettyString());
        assertTrue(report.at("/window/shown").asBoolean(), report.toPrettyString());
        assertEquals("欢迎光临，请扫描预约二维码", report.at("/window/welcomeText").asText());
        assertEquals("SWPipeline", report.at("/window/renderer").asText());
        assertTrue(report.get("welcomeShownMs").asLong() > 0);
        BufferedImage picture = ImageIO.read(out.resolve(SelfCheck.PICTURE).toFile());
        assertEquals(1280, picture.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < picture.getWidth(); x += 3) {
            colours.add(picture.getRGB(x, picture.getHeight() * 2 / 5)); // across the title's line
        }
        assertTrue(colours.size() > 2, "the title is drawn: " + colours.size() + " colours across it");
        JsonNode lamp = report.get("lamps").get(0);
        assertEquals("OFFLINE", lamp.get("state").asText());
        assertTrue(lamp.get("detail").asText().startsWith("no GPIO chip /dev/gpiochip0"), lamp.toString());
    }

    @Test
    void aStoreThatCannotOpenFailsTheCheckAndSaysWhy() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("data"), "a file where the data folder should be");
        KioskConfig config = KioskConfig.load(config(Map.of("ui", "console", "data", notAFolder.resolve("kiosk").toString())));

        assertEquals(1, SelfCheck.run(config, dir.resolve("out")));

        JsonNode report = report(dir.resolve("out"));
        assertFalse(report.get("ok").asBoolean());
        assertFalse(report.at("/store/ok").asBoolean());
        assertFalse(report.at("/store/detail").asText().isBlank());
        assertTrue(report.get("checkIn").isNull());
    }

    private Path config(Map<String, String> extra) throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        StringBuilder text = new StringBuilder("site=demo\nkiosk=k1\nbackoffice=http://127.0.0.1:" + closed + "\n");
        if (!extra.containsKey("data")) {
            text.append("data=").append(dir.resolve("data")).append('\n');
        }
        extra.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve("kiosk.properties"), text, StandardCharsets.UTF_8);
    }

    private int run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path log = dir.resolve("kiosk.log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the self-check did not end within " + DEADLINE.toSeconds() + " s:\n"
                    + Files.readString(log));
        }
        return p.exitValue();
    }

    private JsonNode report(Path out) throws IOException {
        Path file = out.resolve(SelfCheck.REPORT);
        String log = Files.exists(dir.resolve("kiosk.log")) ? Files.readString(dir.resolve("kiosk.log")) : "";
        assertTrue(Files.exists(file), "no " + file + "; the kiosk said:\n" + log);
        return new ObjectMapper().readTree(file.toFile());
    }

    /** The distribution as the provisioning tool unpacks it. */
    private Path unpack(String suite) throws IOException, InterruptedException {
        Path tarball = null;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "lobby-kiosk-*-" + suite
                + "-aarch64.tar.gz")) {
            for (Path p : found) {
                tarball = p;
            }
        }
        assertTrue(tarball != null, "no " + suite + " distribution in target/: the package phase makes it");
        Path into = Files.createDirectories(dir.resolve("dist"));
        assertEquals(0, new ProcessBuilder("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", into.toString())
                .inheritIO().start().waitFor());
        return into;
    }
}
