package lobby.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import lobby.provision.ssh.InProcessSshServer;
import lobby.provision.ssh.ResettingFront;
import lobby.provision.ssh.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection dropped before the SSH session is set up (a flaky lobby network, a kiosk busy
 * starting) is tried again, up to three times in all; a kiosk that keeps dropping is reported
 * unreachable with the reason.
 */
class DroppedConnectionIT {
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
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aKioskWhoseFirstConnectionsAreDroppedIsReachedOnALaterTry() throws Exception {
        try (ResettingFront front = ResettingFront.start(server.port(), 2)) {
            lobby.kiosk("lobby-1", front.port());
            lobby.trust(front.port(), hostKey);

            TestLobby.Run status = lobby.tool("status");

            assertEquals(0, status.exit(), status.all());
            assertTrue(status.out().contains("lobby-1  reachable"), status.out());
            assertEquals(2, front.resets());
        }
    }

    @Test
    void aKioskThatKeepsDroppingIsReportedUnreachableWithTheReason() throws Exception {
        try (ResettingFront front = ResettingFront.start(server.port(), Integer.MAX_VALUE)) {
            lobby.kiosk("lobby-1", front.port());
            lobby.trust(front.port(), hostKey);

            TestLobby.Run status = lobby.tool("status");

            assertNotEquals(0, status.exit(), status.all());
            assertTrue(status.out().contains("Connection reset"), status.out());
            assertEquals(3, front.resets(), "three tries in all");
        }
    }
}
