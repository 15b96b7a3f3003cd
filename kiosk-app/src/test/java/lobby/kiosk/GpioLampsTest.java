package lobby.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lobby.device.DeviceHealth;
import lobby.lamp.CallLamps;
import lobby.lamp.LampConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lamps on gpiod where there is no GPIO chip (this machine is no Pi): every lamp is OFFLINE and
 * says so plainly, the calls go on, and nothing throws.
 */
class GpioLampsTest {
    @TempDir
    Path dev;

    @Test
    void noChipIsSaidPlainlyBeforePi4jsOwnWords() {
        try (CallLamps lamps = GpioLamps.start(new LampConfig(Map.of(1, 17, 2, 27), false), change -> { }, dev)) {
            List<DeviceHealth> health = lamps.health();

            assertEquals(2, health.size());
            for (DeviceHealth h : health) {
                assertEquals(DeviceHealth.State.OFFLINE, h.state(), h.toString());
                assertTrue(h.detail().startsWith("no GPIO chip " + dev.resolve("gpiochip0") + " on this machine; lamp of desk "),
                        h.detail());
            }
            DeviceHealth lit = lamps.light(1);
            assertEquals(DeviceHealth.State.OFFLINE, lit.state());
            assertTrue(lit.detail().startsWith("no GPIO chip"), lit.detail());
            assertTrue(lamps.isLit(1), "the call goes on for a lamp nobody can see");
        }
    }

    @Test
    void aChipThatIsThereIsNoProblem() throws Exception {
        Files.createFile(dev.resolve("gpiochip0"));

        assertNull(GpioLamps.chipProblem(dev));
    }

    @Test
    void noLampsNoComplaintFromTheLamps() {
        try (CallLamps lamps = GpioLamps.start(new LampConfig(Map.of(), false), change -> { }, dev)) {
            assertEquals(List.of(), lamps.health());
            assertFalse(lamps.isLit(1));
        }
    }
}
