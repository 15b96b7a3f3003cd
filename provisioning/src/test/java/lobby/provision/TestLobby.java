package lobby.provision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lobby.provision.ssh.TestKeys;

/**
 * A dealership lobby made of folders: kiosks whose "remote" is this machine with a root folder
 * each (seeded with a trixie /etc/os-release), recording stand-ins for the privileged commands
 * first on each kiosk's PATH, an inventory file, a known_hosts file, a client key, and fake kiosk
 * distributions. Each stand-in appends its command line to the kiosk's commands.log.
 */
public final class TestLobby {
    public final Path dir;
    public final Path clientKey;
    public final Path knownHosts;
    public final Path inventory;
    public String backoffice = "https://bo.example.cn:8443";
    public final Map<Integer, Integer> lamps = new LinkedHashMap<>(Map.of(1, 17, 2, 27));
    private final List<TestKiosk> kiosks = new ArrayList<>();

    /** One kiosk: its folders and how it is reached. */
    public record TestKiosk(String id, int port, Path home, int healthTimeoutS) {
        public Path root() {
            return home.resolve("root");
        }

        public Path state() {
            return home.resolve("state");
        }

        public Path standins() {
            return home.resolve("standins");
        }

        public Path logFile() {
            return home.resolve("commands.log");
        }

        /** What the stand-ins recorded, one command per line. */
        public List<String> log() throws IOException {
            return Files.exists(logFile()) ? Files.readAllLines(logFile(), StandardCharsets.UTF_8) : List.of();
        }

        public Path path(String absolute) {
            return root().resolve(absolute.substring(1));
        }

        public String link(String name) throws IOException {
            Path link = path("/opt/lobby-kiosk/" + name);
            return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : null;
        }
    }

    /** What a run of the tool printed and returned. */
    public record Run(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public TestLobby(Path dir, String clientKeyType) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        this.clientKey = TestKeys.generate(dir, "technician_" + clientKeyType, clientKeyType);
        this.knownHosts = dir.resolve("known_hosts");
        this.inventory = dir.resolve("inventory.conf");
    }

    public Path authorizedKeys() throws IOException {
        Path file = dir.resolve("authorized_keys");
        Files.writeString(file, TestKeys.publicKey(clientKey) + "\n");
        return file;
    }

    /** Trusts a server's host key for 127.0.0.1:port, as a technician's known_hosts would. */
    public void trust(int port, Path hostKey) throws IOException {
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + TestKeys.publicKey(hostKey) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public TestKiosk kiosk(String id, int port) throws IOException {
        return kiosk(id, port, 15);
    }

    public TestKiosk kiosk(String id, int port, int healthTimeoutS) throws IOException {
        TestKiosk k = new TestKiosk(id, port, dir.resolve("kiosks").resolve(id), healthTimeoutS);
        Files.createDirectories(k.path("/etc"));
        Files.createDirectories(k.state());
        Files.createDirectories(k.standins());
        Files.writeString(k.path("/etc/os-release"), """
                PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
                NAME="Debian GNU/Linux"
                VERSION_ID="13"
                VERSION_CODENAME=trixie
                ID=debian
                """);
        StandIns.write(k);
        kiosks.add(k);
        writeInventory();
        return k;
    }

    public List<TestKiosk> kiosks() {
        return List.copyOf(kiosks);
    }

    public void writeInventory() throws IOException {
        StringBuilder s = new StringBuilder("# written by TestLobby\nknown-hosts = known_hosts\n\n");
        s.append("[site gz-tianhe]\nbackoffice = ").append(backoffice).append('\n')
                .append("printer.port = /dev/ttyUSB0   # the USB serial adapter\nprinter.baud = 9600\n");
        lamps.forEach((desk, pin) -> s.append("lamp.desk.").append(desk).append(" = ").append(pin).append('\n'));
        for (TestKiosk k : kiosks) {
            s.append("\n[kiosk ").append(k.id()).append("]\nsite = gz-tianhe\nhost = 127.0.0.1\nport = ").append(k.port())
                    .append("\nuser = root\nkey = ").append(clientKey.getFileName()).append("\nroot = ").append(k.root())
                    .append("\npath = ").append(k.standins()).append(":/usr/bin:/bin\nhealth-timeout-s = ")
                    .append(k.healthTimeoutS()).append('\n');
        }
        Files.writeString(inventory, s, StandardCharsets.UTF_8);
    }

    /**
     * A kiosk distribution as a .tar.gz, wrapped in one folder as a release build would be: a
     * launcher that writes the health file once with its VERSION (the real kiosk does so every
     * 10 s), or, when {@code healthy} is false, a launcher that starts and never writes it.
     */
    public Path dist(String version, boolean healthy) throws IOException, InterruptedException {
        Path staging = dir.resolve("dist-staging-" + version + (healthy ? "" : "-broken"));
        Path top = staging.resolve("lobby-kiosk-" + version);
        Files.createDirectories(top.resolve("bin"));
        Files.createDirectories(top.resolve("lib"));
        Files.writeString(top.resolve("VERSION"), version + "\n");
        Files.write(top.resolve("lib/kiosk-app.jar"), new byte[20_000]);
        String launcher = healthy ? """
                #!/bin/sh
                # Fake kiosk: writes the health file once, as the real one does every 10 s.
                here=$(cd "$(dirname "$0")/.." && pwd -P)
                version=$(cat "$here/VERSION")
                data="$KIOSK_ROOT/var/lib/lobby-kiosk"
                mkdir -p "$data"
                now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
                printf '{"version":"%s","at":"%s","pid":%s,"ok":true,"devices":[{"device":"printer","state":"ONLINE","detail":"fake printer"},{"device":"lamps","state":"ONLINE","detail":"2 lamps"}],"lastSync":"%s","pending":0}\\n' \\
                  "$version" "$now" "$$" "$now" > "$data/health.json.tmp"
                mv "$data/health.json.tmp" "$data/health.json"
                """ : """
                #!/bin/sh
                # Fake kiosk that never comes up: no health file.
                exit 0
                """;
        Path bin = top.resolve("bin/lobby-kiosk");
        Files.writeString(bin, launcher);
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tarball = dir.resolve("lobby-kiosk-" + version + (healthy ? "" : "-broken") + ".tar.gz");
        TestKeys.run("tar", "-czf", tarball.toString(), "-C", staging.toString(), top.getFileName().toString());
        return tarball;
    }

    /** Runs the tool in this JVM with the inventory, as a technician would from a shell. */
    public Run tool(String command, String... more) {
        return toolWithEnv(Map.of(), command, more);
    }

    public Run toolWithEnv(Map<String, String> env, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--inventory", inventory.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ProvisionMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
