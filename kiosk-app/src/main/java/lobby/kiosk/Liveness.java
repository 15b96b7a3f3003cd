package lobby.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import lobby.kiosk.sync.BackOfficeClient;
import lobby.kiosk.sync.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the machine the kiosk is alive. Every {@link #EVERY} it writes {@code health.json} in
 * the data folder (version, time, process, device health, sync state) — what the provisioning
 * tool reads after an update to decide whether to keep it or roll back, and what a technician
 * reads with {@code cat}. Under systemd with {@code WatchdogSec} it also pings the watchdog,
 * but only while the kiosk's store answers: a kiosk stuck on its database gets restarted.
 */
final class Liveness implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(10);
    static final String FILE = "health.json";
    private static final Logger LOG = LoggerFactory.getLogger(Liveness.class);

    private final Path file;
    private final Supplier<BackOfficeClient.Heartbeat> beat;
    private final Clock clock;
    private final BooleanSupplier alive;
    private final Duration watchdog;
    private final ScheduledExecutorService timer;

    /**
     * @param alive    whether the kiosk can still do its work (its store answers)
     * @param watchdog systemd's watchdog interval ({@code WATCHDOG_USEC}), or null without one
     */
    Liveness(Path dataDir, Supplier<BackOfficeClient.Heartbeat> beat, Clock clock, BooleanSupplier alive,
             Duration watchdog) {
        this.file = dataDir.resolve(FILE);
        this.beat = beat;
        this.clock = clock;
        this.alive = alive;
        this.watchdog = watchdog;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-liveness");
            t.setDaemon(true);
            return t;
        });
    }

    /** The watchdog interval systemd gives a service with WatchdogSec, or null. */
    static Duration systemdWatchdog() {
        String usec = System.getenv("WATCHDOG_USEC");
        if (usec == null || System.getenv("NOTIFY_SOCKET") == null) {
            return null;
        }
        try {
            return Duration.ofNanos(Long.parseLong(usec.strip()) * 1_000);
        } catch (NumberFormatException e) {
            LOG.warn("WATCHDOG_USEC is not a number ({}); no watchdog pings", usec);
            return null;
        }
    }

    Liveness start() {
        timer.scheduleWithFixedDelay(this::writeQuietly, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (watchdog != null) {
            // Twice per interval, as sd_watchdog_enabled(3) advises.
            long every = Math.max(1_000, watchdog.toMillis() / 2);
            timer.scheduleWithFixedDelay(this::ping, 0, every, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    void write() throws IOException {
        BackOfficeClient.Heartbeat b = beat.get();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("version", b.version());
        health.put("at", clock.instant());
        health.put("pid", ProcessHandle.current().pid());
        health.put("ok", alive.getAsBoolean());
        health.put("devices", b.devices());
        health.put("lastSync", b.lastSync());
        health.put("pending", b.pendingOps());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, WireJson.write(health));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeQuietly() {
        try {
            write();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write {}: {}", file, e.toString());
        }
    }

    private void ping() {
        if (!alive.getAsBoolean()) {
            LOG.error("the kiosk's store does not answer: no watchdog ping, systemd will restart the kiosk");
            return;
        }
        try {
            Process p = new ProcessBuilder("systemd-notify", "WATCHDOG=1").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            LOG.warn("systemd-notify failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
