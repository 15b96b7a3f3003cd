package lobby.provision.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken inventories are files under src/test/resources/inventory/broken; each starts with
 * "# expect: " lines holding, in order, exactly the problems the parser must report (DIR stands
 * for the folder the file is read from).
 */
class InventoryParserTest {
    static final List<String> BROKEN = List.of("unknown-key", "duplicate-key", "missing-required", "unknown-site",
            "bad-numbers", "unknown-section", "missing-known-hosts", "duplicate-section", "plain-http", "not-key-value",
            "no-kiosks", "duplicate-pin", "paths");

    @TempDir
    Path dir;

    static Stream<String> broken() {
        return BROKEN.stream();
    }

    @ParameterizedTest
    @MethodSource("broken")
    void aBrokenInventoryIsExplainedWithItsLineNumbers(String name) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/inventory/broken/" + name + ".conf")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> expected = text.lines().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length()).replace("DIR", dir.toString())).toList();
        Files.writeString(dir.resolve("inventory.conf"), text);
        Files.writeString(dir.resolve("id_test"), "not read by the parser");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("inventory.conf"));

        InventoryException e = assertThrows(InventoryException.class, () -> InventoryParser.read(relative));

        List<String> problems = e.problems().stream().map(p -> p.replace(relative.toString(), "inventory.conf")).toList();
        assertEquals(expected, problems);
    }

    @Test
    void aGoodInventoryGivesSitesKiosksAndDefaults() throws IOException {
        Files.writeString(dir.resolve("id_ed25519"), "key");
        Path file = dir.resolve("inventory.conf");
        Files.writeString(file, """
                # comments, blank lines and trailing comments are fine
                known-hosts = ./known_hosts          # relative to this file

                [site gz-tianhe]
                backoffice = https://bo.example.cn:8443/#/board     # a '#' inside a value stays
                backoffice.ca = /etc/lobby-kiosk/ca.pem
                printer.port = /dev/ttyUSB0
                printer.baud = 9600
                lamp.desk.2 = 27
                lamp.desk.1 = 17

                [kiosk lobby-1]
                site = gz-tianhe
                host = 10.0.0.21
                user = pi
                key = id_ed25519

                [kiosk lobby-2]
                site = gz-tianhe
                host = 10.0.0.22
                port = 2222
                user = pi
                key = ~/.ssh/id_ed25519_for_tests_that_does_not_matter
                root = /tmp/kiosk-2
                path = /opt/standins:/usr/bin:/bin
                health-timeout-s = 90
                """.replace("~/.ssh/id_ed25519_for_tests_that_does_not_matter", dir.resolve("id_ed25519").toString()));

        Inventory inventory = InventoryParser.read(file);

        assertEquals(dir.resolve("known_hosts"), inventory.knownHosts());
        Site site = inventory.sites().get("gz-tianhe");
        assertEquals(URI.create("https://bo.example.cn:8443/#/board"), site.backoffice());
        assertEquals("/etc/lobby-kiosk/ca.pem", site.backofficeCa());
        assertEquals(9600, site.printerBaud());
        assertEquals(List.of(Map.entry(1, 17), Map.entry(2, 27)), List.copyOf(site.lampPins().entrySet()));
        Kiosk first = inventory.kiosks().get(0);
        assertEquals("lobby-1", first.id());
        assertEquals(22, first.port());
        assertEquals("/", first.root());
        assertNull(first.path());
        assertEquals(Duration.ofSeconds(60), first.healthTimeout());
        assertEquals(dir.resolve("id_ed25519"), first.key());
        Kiosk second = inventory.kiosks().get(1);
        assertEquals(2222, second.port());
        assertEquals("/tmp/kiosk-2", second.root());
        assertEquals("/opt/standins:/usr/bin:/bin", second.path());
        assertEquals(Duration.ofSeconds(90), second.healthTimeout());
    }

    @Test
    void aTildeIsTheHomeFolder() throws IOException {
        Path file = dir.resolve("inventory.conf");
        Files.writeString(file, """
                known-hosts = ~/.lobby/known_hosts
                [site s]
                backoffice = https://bo
                [kiosk k]
                site = s
                host = h
                user = u
                key = ~/this-key-file-does-not-exist
                """);

        InventoryException e = assertThrows(InventoryException.class, () -> InventoryParser.read(file));

        assertEquals(List.of(file + ":8: key file ~/this-key-file-does-not-exist ("
                + Path.of(System.getProperty("user.home"), "this-key-file-does-not-exist") + ") does not exist"), e.problems());
    }

    @Test
    void commentsStartAtLineStartOrAfterWhiteSpace() {
        assertEquals("a = b ", InventoryParser.withoutComment("a = b # c"));
        assertEquals("", InventoryParser.withoutComment("# all comment"));
        assertEquals("url = https://x/#/y", InventoryParser.withoutComment("url = https://x/#/y"));
        assertFalse(InventoryParser.withoutComment("x = 1\t# tab").contains("#"));
    }
}
