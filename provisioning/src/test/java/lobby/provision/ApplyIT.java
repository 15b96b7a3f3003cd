package lobby.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lobby.provision.ssh.InProcessSshServer;
import lobby.provision.ssh.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool end to end against an in-process SSH server, the kiosks being folders on this machine
 * with recording stand-ins for apt-get, useradd, systemctl and friends (see {@link TestLobby}).
 */
class ApplyIT {
    static final List<String> ALL_STEPS = List.of("os", "packages", "user", "upload", "config", "unit", "switch",
            "restart", "health");

    @TempDir
    Path dir;
    TestLobby lobby;
    InProcessSshServer server;
    Path hostKey;

    @BeforeEach
    void start() throws Exception {
        lobby = new TestLobby(dir, "ed25519");
        hostKey = TestKeys.generate(dir, "host_ed25519", "ed25519");
        server = InProcessSshServer.start(hostKey, lobby.authorizedKeys());
        lobby.trust(server.port(), hostKey);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void firstApplyChangesEverythingAndTheSecondNothing() throws Exception {
        TestLobby.TestKiosk kiosk = lobby.kiosk("lobby-1", server.port());
        Path dist = lobby.dist("0.1.0", true);

        TestLobby.Run first = lobby.tool("apply", "--dist", dist.toString());

        assertEquals(0, first.exit(), first.all());
        assertEquals(List.of("packages", "user", "upload", "config", "unit", "switch", "restart", "health"),
                changedSteps(first.out(), "lobby-1"), first.out());
        assertTrue(first.out().contains("lobby-1  [4/9] upload ... changed"), first.out());
        assertTrue(first.out().contains("[1/9] os ... ok: trixie, openjdk-21-jre"), first.out());
        List<String> log = kiosk.log();
        assertTrue(log.contains("apt-get install -y --no-install-recommends openjdk-21-jre fonts-wqy-microhei cage xwayland"),
                String.join("\n", log));
        assertTrue(log.contains("useradd --system --create-home --home-dir /var/lib/lobby-kiosk --groups dialout,gpio "
                + "lobby-kiosk"), String.join("\n", log));
        assertTrue(log.contains("systemctl daemon-reload"), String.join("\n", log));
        assertTrue(log.contains("systemctl enable lobby-kiosk"), String.join("\n", log));
        assertTrue(log.contains("systemctl restart lobby-kiosk"), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("chown root:lobby-kiosk ")
                && l.contains("/etc/lobby-kiosk/.kiosk.properties.")), String.join("\n", log));
        assertEquals("releases/0.1.0", kiosk.link("current"));
        assertNull(kiosk.link("previous"));
        assertTrue(Files.isExecutable(kiosk.path("/opt/lobby-kiosk/releases/0.1.0/bin/lobby-kiosk")));
        Path config = kiosk.path("/etc/lobby-kiosk/kiosk.properties");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        String properties = Files.readString(config);
        assertTrue(properties.contains("\nlamps.pins=1:17,2:27\n"), properties);
        assertTrue(properties.contains("\nkiosk=lobby-1\n") && properties.contains("\nsite=gz-tianhe\n"), properties);
        String unit = Files.readString(kiosk.path("/etc/systemd/system/lobby-kiosk.service"));
        assertTrue(unit.contains("ExecStart=/usr/bin/cage -- /opt/lobby-kiosk/current/bin/lobby-kiosk --config "
                + "/etc/lobby-kiosk/kiosk.properties"), unit);
        assertTrue(Files.readString(kiosk.path("/var/lib/lobby-kiosk/health.json")).contains("\"version\":\"0.1.0\""));
        assertTrue(first.out().contains("1 of 1 kiosks ok"), first.out());

        int logged = log.size();
        TestLobby.Run second = lobby.tool("apply", "--dist", dist.toString());

        assertEquals(0, second.exit(), second.all());
        assertEquals(List.of(), changedSteps(second.out(), "lobby-1"), second.out());
        for (int i = 0; i < ALL_STEPS.size(); i++) {
            assertTrue(second.out().contains("[" + (i + 1) + "/9] " + ALL_STEPS.get(i) + " ... ok"), second.out());
        }
        List<String> secondLog = kiosk.log().subList(logged, kiosk.log().size());
        assertFalse(secondLog.stream().anyMatch(l -> l.startsWith("apt-get install")), String.join("\n", secondLog));
        assertFalse(secondLog.stream().anyMatch(l -> l.contains("systemctl restart")), String.join("\n", secondLog));
        assertFalse(secondLog.stream().anyMatch(l -> l.startsWith("useradd") || l.startsWith("usermod")));

        TestLobby.Run plan = lobby.tool("plan", "--dist", dist.toString());

        assertEquals(0, plan.exit(), plan.all());
        assertFalse(plan.out().contains("... would change"), plan.out());
        assertTrue(plan.out().contains("lobby-1  ok: nothing would change"), plan.out());
    }

    @Test
    void aChangedLampPinChangesOnlyTheConfigurationAndRestarts() throws Exception {
        TestLobby.TestKiosk kiosk = lobby.kiosk("lobby-1", server.port());
        Path dist = lobby.dist("0.1.0", true);
        assertEquals(0, lobby.tool("apply", "--dist", dist.toString()).exit());
        Path config = kiosk.path("/etc/lobby-kiosk/kiosk.properties");
        String before = Files.readString(config);

        lobby.lamps.put(2, 22);
        lobby.writeInventory();
        TestLobby.Run plan = lobby.tool("plan", "--dist", dist.toString());

        assertEquals(0, plan.exit(), plan.all());
        assertTrue(plan.out().contains("[5/9] config ... would change: lamps.pins: 1:17,2:27 -> 1:17,2:22"), plan.out());
        assertEquals(List.of("config", "restart", "health"), changedSteps(plan.out(), "lobby-1"), plan.out());
        assertEquals(before, Files.readString(config), "a plan changes nothing");

        TestLobby.Run apply = lobby.tool("apply", "--dist", dist.toString());

        assertEquals(0, apply.exit(), apply.all());
        assertEquals(List.of("config", "restart", "health"), changedSteps(apply.out(), "lobby-1"), apply.out());
        assertTrue(Files.readString(config).contains("\nlamps.pins=1:17,2:22\n"));
    }

    @Test
    void aKioskThatNeverGetsHealthyIsRolledBack() throws Exception {
        TestLobby.TestKiosk kiosk = lobby.kiosk("lobby-1", server.port(), 2);
        assertEquals(0, lobby.tool("apply", "--dist", lobby.dist("0.1.0", true).toString()).exit());

        TestLobby.Run broken = lobby.tool("apply", "--dist", lobby.dist("0.2.0", false).toString(), "--version", "0.2.0");

        assertEquals(1, broken.exit(), broken.all());
        assertTrue(broken.out().contains("[9/9] health ... failed: health check failed after"), broken.out());
        assertTrue(broken.out().contains("rolled back to 0.1.0 (0.1.0 healthy after"), broken.out());
        assertEquals("releases/0.1.0", kiosk.link("current"));
        assertNull(kiosk.link("previous"), "previous is put back as it was before the apply");
        assertTrue(Files.readString(kiosk.path("/var/lib/lobby-kiosk/health.json")).contains("\"version\":\"0.1.0\""));
        assertTrue(broken.out().contains("failed at health"), broken.out());
    }

    @Test
    void anUnreachableKioskIsReportedWhileTheOthersSucceed() throws Exception {
        lobby.kiosk("lobby-1", server.port());
        lobby.kiosk("lobby-2", closedPort());
        TestLobby.TestKiosk third = lobby.kiosk("lobby-3", server.port());

        TestLobby.Run run = lobby.tool("apply", "--dist", lobby.dist("0.1.0", true).toString(), "--max-failures", "2");

        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("lobby-2  connect ... failed: lobby-2 (127.0.0.1:"), run.out());
        assertTrue(run.out().contains("unreachable: connection refused"), run.out());
        assertTrue(summaryRow(run.out(), "lobby-1").startsWith("lobby-1  changed"), run.out());
        assertTrue(summaryRow(run.out(), "lobby-2").startsWith("lobby-2  failed"), run.out());
        assertTrue(summaryRow(run.out(), "lobby-3").startsWith("lobby-3  changed"), run.out());
        assertEquals("releases/0.1.0", third.link("current"));
        assertTrue(run.out().contains("2 of 3 kiosks ok"), run.out());
    }

    @Test
    void maxFailuresStopsTheRollOut() throws Exception {
        lobby.kiosk("dead-1", closedPort());
        lobby.kiosk("dead-2", closedPort());
        TestLobby.TestKiosk good = lobby.kiosk("good-1", server.port());

        TestLobby.Run run = lobby.tool("apply", "--dist", lobby.dist("0.1.0", true).toString(), "--parallel", "1",
                "--max-failures", "1");

        assertEquals(1, run.exit(), run.all());
        assertTrue(summaryRow(run.out(), "dead-1").startsWith("dead-1  failed"), run.out());
        assertTrue(summaryRow(run.out(), "dead-2").startsWith("dead-2  skipped"), run.out());
        assertTrue(summaryRow(run.out(), "good-1").startsWith("good-1  skipped"), run.out());
        assertTrue(run.out().contains("good-1  skipped (roll-out stopped after 1 failure)"), run.out());
        assertEquals(List.of(), good.log(), "a skipped kiosk is not touched");
        assertNull(good.link("current"));
    }

    @Test
    void statusShowsVersionsServiceAndDevicesAndRollbackSwitchesBack() throws Exception {
        TestLobby.TestKiosk kiosk = lobby.kiosk("lobby-1", server.port());
        lobby.kiosk("lobby-9", closedPort());
        assertEquals(0, lobby.tool("apply", "--kiosk", "lobby-1", "--dist", lobby.dist("0.1.0", true).toString()).exit());
        assertEquals(0, lobby.tool("apply", "--kiosk", "lobby-1", "--dist", lobby.dist("0.2.0", true).toString()).exit());

        TestLobby.Run status = lobby.tool("status");

        assertEquals(1, status.exit(), "one kiosk is unreachable: " + status.all());
        assertTrue(status.out().contains("lobby-1  reachable (127.0.0.1:" + server.port()
                + "); version 0.2.0 (previous 0.1.0); service active"), status.out());
        assertTrue(status.out().contains("health: ok, version 0.2.0"), status.out());
        assertTrue(status.out().contains("printer ONLINE: fake printer"), status.out());
        assertTrue(status.out().contains("last sync 20"), status.out());
        assertTrue(status.out().contains("lobby-9  connect ... failed: lobby-9 (127.0.0.1:"), status.out());

        TestLobby.Run rollback = lobby.tool("rollback", "--kiosk", "lobby-1");

        assertEquals(0, rollback.exit(), rollback.all());
        assertTrue(rollback.out().contains("rolled back from 0.2.0 to 0.1.0; 0.1.0 healthy after"), rollback.out());
        assertTrue(rollback.out().contains("previous is now 0.2.0"), rollback.out());
        assertEquals("releases/0.1.0", kiosk.link("current"));
        assertEquals("releases/0.2.0", kiosk.link("previous"));
    }

    @Test
    void anRsaClientKeyWorksToo() throws Exception {
        TestLobby rsa = new TestLobby(dir.resolve("rsa"), "rsa");
        try (InProcessSshServer rsaServer = InProcessSshServer.start(hostKey, rsa.authorizedKeys())) {
            rsa.trust(rsaServer.port(), hostKey);
            rsa.kiosk("lobby-1", rsaServer.port());

            TestLobby.Run status = rsa.tool("status");

            assertEquals(0, status.exit(), status.all());
            assertTrue(status.out().contains("lobby-1  reachable"), status.out());
            assertTrue(status.out().contains("version none (previous none); service inactive"), status.out());
        }
    }

    @Test
    void aKeyTheKioskDoesNotKnowIsExplained() throws Exception {
        TestLobby stranger = new TestLobby(dir.resolve("stranger"), "ed25519"); // another key, not authorized
        stranger.trust(server.port(), hostKey);
        stranger.kiosk("lobby-1", server.port());

        TestLobby.Run status = stranger.tool("status");

        assertEquals(1, status.exit(), status.all());
        assertTrue(status.out().contains("login as root with key " + stranger.clientKey + " failed: the kiosk did not "
                + "accept this key (is technician_ed25519.pub in ~root/.ssh/authorized_keys on the kiosk?)"), status.out());
    }

    /** The steps the summary table lists as changed (or would change) for a kiosk. */
    static List<String> changedSteps(String out, String kioskId) {
        String row = summaryRow(out, kioskId);
        String[] columns = row.split("\\s{2,}");
        return columns[2].equals("-") ? List.of() : List.of(columns[2].split(","));
    }

    static String summaryRow(String out, String kioskId) {
        String table = out.substring(out.lastIndexOf("\nkiosk "));
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(kioskId) + " .*$").matcher(table);
        if (!m.find()) {
            throw new AssertionError("no summary row for " + kioskId + " in:\n" + out);
        }
        return m.group();
    }

    /** A loopback port nothing listens on: connecting is refused at once. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
