package lobby.provision.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lobby.provision.deploy.Result;
import lobby.provision.inventory.Kiosk;
import lobby.provision.inventory.Site;
import org.junit.jupiter.api.Test;

class RolloutTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, 5);

    @Test
    void afterMaxFailuresNoFurtherKioskIsStarted() {
        List<String> started = Collections.synchronizedList(new ArrayList<>());

        List<KioskReport> reports = new Rollout(1, 2, console).run(kiosks("k1", "k2", "k3", "k4"), k -> {
            started.add(k.id());
            return KioskReport.failed(k.id(), "unreachable", Duration.ZERO, false);
        });

        assertEquals(List.of("k1", "k2"), started);
        assertEquals(List.of(Result.FAILED, Result.FAILED, Result.SKIPPED, Result.SKIPPED),
                reports.stream().map(KioskReport::result).toList());
        assertEquals("roll-out stopped after 2 failures", reports.get(2).message());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("k3     skipped (roll-out stopped after 2 failures)"));
        assertEquals(1, Rollout.exitCode(reports));
    }

    @Test
    void kiosksRunInParallelUpToTheLimit() throws InterruptedException {
        CountDownLatch bothRunning = new CountDownLatch(2);

        List<KioskReport> reports = new Rollout(2, 1, console).run(kiosks("k1", "k2"), k -> {
            bothRunning.countDown();
            try {
                // Each waits for the other: only finishes if both run at once.
                boolean together = bothRunning.await(10, TimeUnit.SECONDS);
                return new KioskReport(k.id(), together ? Result.OK : Result.FAILED, List.of(), null, Duration.ZERO, false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals(List.of(Result.OK, Result.OK), reports.stream().map(KioskReport::result).toList());
        assertEquals(0, Rollout.exitCode(reports));
    }

    @Test
    void aBugInOneKioskIsThatKiosksFailureAndAHostKeyProblemWinsTheExitCode() {
        List<KioskReport> reports = new Rollout(5, 5, console).run(kiosks("k1", "k2", "k3"), k -> switch (k.id()) {
            case "k1" -> throw new IllegalStateException("bug");
            case "k2" -> KioskReport.failed(k.id(), "host key", Duration.ZERO, true);
            default -> new KioskReport(k.id(), Result.CHANGED, List.of(), null, Duration.ZERO, false);
        });

        assertEquals("unexpected error: java.lang.IllegalStateException: bug", reports.get(0).message());
        assertEquals(Result.CHANGED, reports.get(2).result());
        assertEquals(3, Rollout.exitCode(reports));
    }

    private static List<Kiosk> kiosks(String... ids) {
        Site site = new Site("s", URI.create("https://bo"), null, null, null, new TreeMap<>());
        List<Kiosk> kiosks = new ArrayList<>();
        for (String id : ids) {
            kiosks.add(new Kiosk(id, site, "h", 22, "u", Path.of("id"), "/", null, Duration.ofSeconds(1)));
        }
        return kiosks;
    }
}
