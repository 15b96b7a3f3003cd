package lobby.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import lobby.device.DeviceHealth;
import lobby.lamp.CallLamps;
import lobby.lamp.LampConfig;
import lobby.lamp.Pi4jCallLamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call lamps on the Pi's GPIO, with health that says plainly when this machine has no GPIO
 * chip or the kiosk's user may not open it. Pi4J reports both as "Pi4J provider
 * [gpiod-digital-output] could not be found. Please include this 'provider' JAR in the
 * classpath", which sends a technician looking for a jar that is there. Pi4J's own words are
 * kept after the plain ones: that it got as far as looking for a chip shows its native library
 * loaded.
 */
final class GpioLamps implements CallLamps {
    /** Where the kernel puts the GPIO character devices. */
    static final Path DEV = Path.of("/dev");
    private static final Logger LOG = LoggerFactory.getLogger(GpioLamps.class);

    private final CallLamps lamps;
    /** What is wrong with the chip, said before every unusable lamp's own detail; null if nothing. */
    private final String problem;
    /** True when the lamps are only the mock platform's stand-ins: every one is OFFLINE. */
    private final boolean dark;

    private GpioLamps(CallLamps lamps, String problem, boolean dark) {
        this.lamps = lamps;
        this.problem = problem;
        this.dark = dark;
    }

    /**
     * Lamps on gpiod. Never throws: if Pi4J itself fails to start, the lamps run on Pi4J's mock
     * platform (the calling logic and escalations go on) and every lamp is OFFLINE, saying why.
     *
     * @param dev the folder of {@code gpiochip*} devices ({@link #DEV}; a test's folder)
     */
    static CallLamps start(LampConfig config, Consumer<String> listener, Path dev) {
        String problem = chipProblem(dev);
        if (problem != null && !config.deskPins().isEmpty()) {
            LOG.error("call lamps: {}", problem);
        }
        try {
            return new GpioLamps(Pi4jCallLamps.onGpiod(config, listener), problem, false);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("call lamps: Pi4J's gpiod failed to start, all lamps OFFLINE", e);
            String why = "Pi4J's gpiod failed to start: " + e + (problem == null ? "" : "; " + problem);
            return new GpioLamps(Pi4jCallLamps.onMockPlatform(config), why, true);
        }
    }

    /** Why lamps on {@code dev}'s GPIO chips cannot work, or null when a chip is there to use. */
    static String chipProblem(Path dev) {
        List<Path> chips;
        try (Stream<Path> files = Files.list(dev)) {
            chips = files.filter(f -> f.getFileName().toString().startsWith("gpiochip")).sorted().toList();
        } catch (IOException e) {
            chips = List.of();
        }
        if (chips.isEmpty()) {
            return "no GPIO chip " + dev.resolve("gpiochip0") + " on this machine";
        }
        if (chips.stream().noneMatch(c -> Files.isReadable(c) && Files.isWritable(c))) {
            return "no access to " + chips.get(0) + " for user " + System.getProperty("user.name")
                    + " (add the kiosk's user to the gpio group)";
        }
        return null;
    }

    private DeviceHealth said(DeviceHealth health) {
        if (dark) {
            return new DeviceHealth(health.device(), DeviceHealth.State.OFFLINE, problem, health.since());
        }
        if (problem == null || health.state() != DeviceHealth.State.OFFLINE) {
            return health;
        }
        return new DeviceHealth(health.device(), health.state(), problem + "; " + health.detail(), health.since());
    }

    @Override
    public DeviceHealth light(int desk) {
        return said(lamps.light(desk));
    }

    @Override
    public DeviceHealth off(int desk) {
        return said(lamps.off(desk));
    }

    @Override
    public DeviceHealth acknowledge(int desk) {
        return said(lamps.acknowledge(desk));
    }

    @Override
    public boolean isLit(int desk) {
        return lamps.isLit(desk);
    }

    @Override
    public Pattern pattern(int desk) {
        return lamps.pattern(desk);
    }

    @Override
    public void onAcknowledged(IntConsumer listener) {
        lamps.onAcknowledged(listener);
    }

    @Override
    public void onEscalated(IntConsumer listener) {
        lamps.onEscalated(listener);
    }

    @Override
    public CompletableFuture<List<DeviceHealth>> selfTest() {
        return lamps.selfTest().thenApply(all -> all.stream().map(this::said).toList());
    }

    @Override
    public List<DeviceHealth> health() {
        return lamps.health().stream().map(this::said).toList();
    }

    @Override
    public void close() {
        lamps.close();
    }
}
