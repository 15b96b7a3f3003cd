package lobby.kiosk;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import lobby.kiosk.console.ConsoleKiosk;
import lobby.kiosk.ui.KioskApp;

/**
 * Starts the kiosk. Deliberately not a JavaFX Application, so the same jar runs with a
 * display (the window) or without one (the console) and JavaFX loads only when needed.
 */
public final class KioskMain {
    static final String DEFAULT_CONFIG = "/etc/lobby-kiosk/kiosk.properties";

    private KioskMain() {
    }

    public static void main(String[] args) throws Exception {
        Path configFile = Path.of(DEFAULT_CONFIG);
        Path selfCheck = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println("usage: kiosk [--config FILE] [--self-check DIR]   (default config "
                            + DEFAULT_CONFIG + ")");
                    System.out.println("  --self-check DIR: start as configured, check a walk-in customer in (a real,");
                    System.out.println("  printed ticket), show the welcome screen when there is a window, write");
                    System.out.println("  DIR/self-check.json and DIR/welcome.png, and exit (0: store and check-in work)");
                    System.out.println("Settings: site, kiosk, data, backoffice, devices=simulated|hardware,");
                    System.out.println("  printer.driver/port/baud/databits/parity/flow, lamps.driver/pins/active-low,");
                    System.out.println("  sync.interval-s, idle-timeout-s, ui=auto|window|console,");
                    System.out.println("  appointments.early-min, appointments.late-min, technician.pin");
                    return;
                }
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        fail("--config needs a file");
                    }
                    configFile = Path.of(args[++i]);
                }
                case "--self-check" -> {
                    if (i + 1 >= args.length) {
                        fail("--self-check needs a folder for its report");
                    }
                    selfCheck = Path.of(args[++i]);
                }
                default -> fail("unknown argument '" + args[i] + "' (try --help)");
            }
        }
        if (!Files.isReadable(configFile)) {
            fail("configuration file " + configFile + " not found or not readable");
        }
        KioskConfig config;
        try {
            config = KioskConfig.load(configFile);
        } catch (IllegalArgumentException e) {
            fail("bad configuration: " + e.getMessage());
            return;
        }
        if (selfCheck != null) {
            // Exit explicitly: JavaFX and the kiosk's threads must not keep a finished check alive.
            System.exit(SelfCheck.run(config, selfCheck));
        }
        run(config);
    }

    /** Runs a kiosk until its window closes or its console input ends. */
    public static void run(KioskConfig config) throws Exception {
        Clock clock = Clock.systemDefaultZone();
        Kiosk kiosk = null;
        try {
            if (useWindow(config)) {
                try {
                    kiosk = KioskApp.run(() -> Kiosk.start(config, clock, System.out::println));
                    return;
                } catch (KioskApp.WindowUnavailable e) {
                    // A display without GTK, or one we may not open: a kiosk that answers on the
                    // console still checks people in, so fall back rather than die.
                    System.err.println("kiosk: " + e.getMessage() + "; using the console");
                    kiosk = e.kiosk();
                }
            } else {
                kiosk = Kiosk.start(config, clock, System.out::println);
            }
            ConsoleKiosk console = new ConsoleKiosk(kiosk.desk(), new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8)), System.out);
            kiosk.scanner().ifPresent(scanner -> scanner.start(scan -> console.scanned(scan.text())));
            console.run();
        } finally {
            if (kiosk != null) {
                kiosk.close();
            }
        }
    }

    static boolean useWindow(KioskConfig config) {
        return switch (config.ui()) {
            case "window" -> true;
            case "console" -> false;
            default -> System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        };
    }

    /** The version in the kiosk jar's manifest; "dev" when run from classes. */
    public static String version() {
        String v = KioskMain.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void fail(String message) {
        System.err.println("kiosk: " + message);
        System.exit(2);
    }
}
