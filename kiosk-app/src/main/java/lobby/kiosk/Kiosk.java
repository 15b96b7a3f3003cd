package lobby.kiosk;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import lobby.checkin.Advisor;
import lobby.device.DeviceHealth;
import lobby.kiosk.checkin.CheckInDesk;
import lobby.kiosk.store.KioskStore;
import lobby.kiosk.sync.BackOfficeClient;
import lobby.kiosk.sync.KioskToken;
import lobby.kiosk.sync.SiteFollower;
import lobby.kiosk.sync.SyncAgent;
import lobby.kiosk.sync.SyncedClock;
import lobby.kiosk.sync.TicketFollower;
import lobby.lamp.CallLamps;
import lobby.lamp.LampConfig;
import lobby.lamp.Pi4jCallLamps;
import lobby.printer.SerialTicketPrinter;
import lobby.printer.SimulatedTicketPrinter;
import lobby.printer.TicketPrinter;
import lobby.scanner.CameraCodeScanner;
import lobby.scanner.CameraConfig;
import lobby.scanner.CodeScanner;
import lobby.scanner.SerialCodeScanner;
import lobby.scanner.SerialScannerConfig;
import lobby.scanner.SimulatedCodeScanner;
import lobby.sync.KioskOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running kiosk: its store, sync, devices and check-in desk, wired from one configuration.
 * Screens and the console sit on top; tests start it exactly as the launcher does.
 */
public final class Kiosk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);
    /** The simulated scanner's input: {@code echo PAYLOAD > DATA/scanner.fifo}. */
    public static final String SCANNER_FIFO = "scanner.fifo";

    private final KioskConfig config;
    private final KioskStore store;
    private final SyncAgent sync;
    private final TicketPrinter printer;
    private final CallLamps lamps;
    private final CheckInDesk desk;
    private final CodeScanner scanner;
    private final SiteFollower follower;
    private final KioskTechnician technician;
    private final SyncedClock clock;
    private final Liveness liveness;

    private Kiosk(KioskConfig config, KioskStore store, SyncAgent sync, TicketPrinter printer, CallLamps lamps,
                  CodeScanner scanner, KioskToken token, SyncedClock clock) {
        this.scanner = scanner;
        this.clock = clock;
        this.config = config;
        this.store = store;
        this.sync = sync;
        this.printer = printer;
        this.lamps = lamps;
        this.desk = new CheckInDesk(config.siteId(), config.kioskId(), store, printer, lamps, sync::kick, clock,
                config.appointments());
        this.technician = new KioskTechnician(this, config.technicianPin(), clock);
        sync.heartbeats(this::heartbeat);
        this.liveness = new Liveness(config.dataDir(), this::heartbeat, clock, this::storeAnswers,
                Liveness.systemdWatchdog()).start();
        TicketFollower tickets = new TicketFollower(store, lamps::off, lamps::light);
        sync.onReassigned(r -> tickets.reassigned(r.ticketId(), r.advisorId()));
        this.follower = new SiteFollower(config.backOffice(), config.siteId(), token::get, config.backOfficeCa(), store,
                tickets).onConnected(sync::kick).start();
        // The advisor's button and an unanswered lamp are news for the back office.
        lamps.onAcknowledged(desk -> sync.later(() -> store.outbox().event(config.kioskId(),
                KioskOp.Type.LAMP_ACKNOWLEDGED, null, Integer.toString(desk), clock.instant())));
        lamps.onEscalated(desk -> sync.later(() -> store.outbox().event(config.kioskId(),
                KioskOp.Type.LAMP_ESCALATED, null, Integer.toString(desk), clock.instant())));
    }

    /**
     * Starts everything; never fails because a device or the back office is missing (that is
     * logged and shown as health), only when the configuration or the store is unusable.
     *
     * @param wall         the Pi's own clock; the kiosk goes by the back office's once it has heard it
     * @param deviceOutput where the simulated printer and lamps show what they do
     */
    public static Kiosk start(KioskConfig config, Clock wall, Consumer<String> deviceOutput) {
        LOG.info("kiosk {} of site {}: printer {} ({}), lamps {}, back office {}", config.kioskId(),
                config.siteId(), config.printerDriver(),
                config.printerDriver().equals("simulated") ? "simulated" : config.printer().port(),
                config.lampDriver(), config.backOffice());
        KioskStore store = KioskStore.open(config.dataDir().resolve("kiosk.db"));
        // The wall clock only until the back office is heard: a Pi may boot with a stale time.
        SyncedClock clock = SyncedClock.system(wall);
        store.stampWith(clock, clock::synced);
        KioskToken token = KioskToken.load(config.dataDir(), config.token());
        BackOfficeClient client = new BackOfficeClient(config.backOffice(), token::get, config.backOfficeCa());
        token.enrolIfNeeded(client, config.kioskId(), config.enrolmentCode());
        SyncAgent sync = new SyncAgent(client, store, config.siteId(), config.kioskId(), clock);
        sync.start(config.syncInterval());
        TicketPrinter printer = printer(config, deviceOutput);
        DeviceHealth printerHealth = printer.health();
        if (printerHealth.state() == DeviceHealth.State.OFFLINE) {
            LOG.warn("ticket printer not ready at start-up: {}", printerHealth);
        }
        CallLamps lamps = lamps(config, store, deviceOutput);
        return new Kiosk(config, store, sync, printer, lamps, scanner(config), token, clock);
    }

    private static TicketPrinter printer(KioskConfig config, Consumer<String> out) {
        return switch (config.printerDriver()) {
            case "simulated" -> new SimulatedTicketPrinter(out, config.dataDir().resolve("printed-tickets"));
            case "usb-file" -> SerialTicketPrinter.usbFile(config.printer());
            default -> new SerialTicketPrinter(config.printer());
        };
    }

    /**
     * The scanner the kiosk reads by itself; null for a keyboard-mode scanner (the window reads
     * it) and for none.
     */
    private static CodeScanner scanner(KioskConfig config) {
        LOG.info("code scanner: {}{}", config.scannerDriver(),
                config.scannerDriver().equals("serial") ? " on " + config.scannerPort() : "");
        return switch (config.scannerDriver()) {
            case "serial" -> new SerialCodeScanner(new SerialScannerConfig(config.scannerPort(), config.scannerBaud(),
                    SerialScannerConfig.DEFAULT_REPEAT_WINDOW, SerialScannerConfig.DEFAULT_REOPEN_DELAY));
            case "camera" -> new CameraCodeScanner(CameraConfig.rpicam());
            case "fifo" -> SimulatedCodeScanner.namedPipe(fifo(config.dataDir().resolve(SCANNER_FIFO)));
            default -> null;
        };
    }

    /** Makes the simulator's named pipe if it is not there yet; if that fails the scanner's health says so. */
    private static java.nio.file.Path fifo(java.nio.file.Path path) {
        if (!java.nio.file.Files.exists(path)) {
            try {
                new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
            } catch (java.io.IOException e) {
                LOG.warn("cannot make the scanner pipe {}: {}", path, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return path;
    }

    /** Pins from the configuration, or else from the roster the back office sent. */
    private static CallLamps lamps(KioskConfig config, KioskStore store, Consumer<String> out) {
        Map<Integer, Integer> pins = new HashMap<>(config.lampPins());
        if (pins.isEmpty()) {
            for (Advisor a : store.roster().advisors()) {
                pins.putIfAbsent(a.desk(), a.lampPin());
            }
        }
        if (pins.isEmpty()) {
            LOG.warn("no lamp pins configured and no roster received yet: lamps stay dark until restart");
        }
        LampConfig lampConfig;
        try {
            lampConfig = new LampConfig(pins, config.lampsActiveLow()).withButtonPins(config.lampButtons())
                    .withTimings(config.greetingTarget(), config.escalateAfter(), LampConfig.DEFAULT_DEBOUNCE);
        } catch (IllegalArgumentException e) {
            // A bad pin from the roster must not stop the kiosk: no lamps, and the health says why.
            LOG.error("lamp configuration refused, lamps disabled: {}", e.getMessage());
            lampConfig = new LampConfig(Map.of(), config.lampsActiveLow());
        }
        return config.lampDriver().equals("gpiod")
                ? GpioLamps.start(lampConfig, out, GpioLamps.DEV)
                : Pi4jCallLamps.onMockPlatform(lampConfig, out);
    }

    /** A scanner the kiosk reads itself (serial, camera, simulated), or empty. */
    public Optional<CodeScanner> scanner() {
        return Optional.ofNullable(scanner);
    }

    public CheckInDesk desk() {
        return desk;
    }

    public lobby.kiosk.ui.Technician technician() {
        return technician;
    }

    public KioskStore store() {
        return store;
    }

    public SyncAgent sync() {
        return sync;
    }

    public TicketPrinter printer() {
        return printer;
    }

    public CallLamps lamps() {
        return lamps;
    }

    public KioskConfig config() {
        return config;
    }

    private BackOfficeClient.Heartbeat heartbeat() {
        List<java.util.Map<String, String>> devices = new java.util.ArrayList<>();
        java.util.List<DeviceHealth> all = new java.util.ArrayList<>();
        all.add(printer.health());
        all.addAll(lamps.health());
        if (scanner != null) {
            all.add(scanner.health());
        }
        for (DeviceHealth h : all) {
            devices.add(java.util.Map.of("device", h.device(), "state", h.state().name(), "detail", h.detail()));
        }
        // Staff see on the devices page what the back office refused from this kiosk, and the clock.
        int dead = store.outbox().deadLetters().size();
        devices.add(java.util.Map.of("device", "outbox", "state", dead == 0 ? "ONLINE" : "DEGRADED", "detail",
                dead == 0 ? "nothing refused" : dead + " ops refused by the back office, kept on the kiosk"));
        devices.add(java.util.Map.of("device", "clock", "state", clock.synced() ? "ONLINE" : "DEGRADED",
                "detail", clockLine()));
        SyncAgent.SyncStatus s = sync.status();
        return new BackOfficeClient.Heartbeat(KioskMain.version(), devices, s.pending(), s.lastSuccess());
    }

    /** Whether the kiosk's store still answers: what the watchdog pings depend on. */
    private boolean storeAnswers() {
        try {
            store.outbox().pendingCount();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The kiosk's clock against the back office's, for the technician and the devices page. */
    String clockLine() {
        return clock.synced() ? "Clock synchronised with the back office (the Pi's own clock is "
                + clock.offset().toMillis() + " ms behind)"
                : "Clock NOT synchronised with the back office since start: tickets are flagged";
    }

    /** The shop's name as the back office gave it, for the screens. */
    public String siteName() {
        return store.roster().site().map(s -> s.name()).orElse("");
    }

    @Override
    public void close() {
        liveness.close();
        follower.close();
        if (scanner != null) {
            scanner.close();
        }
        sync.close();
        lamps.close();
        printer.close();
        store.close();
    }
}
