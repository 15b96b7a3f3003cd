package lobby.kiosk;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import lobby.kiosk.checkin.AppointmentRules;
import lobby.printer.PrinterConfig;

/**
 * Everything a kiosk is told at start-up, validated once. Read from a properties file that the
 * provisioning tool writes; unknown keys are refused so a typo does not pass silently.
 *
 * @param printerDriver serial (ESC/POS over a serial port), usb-file (/dev/usb/lp0) or simulated
 * @param lampDriver    gpiod (a real Pi) or mock (Pi4J's mock platform: the simulator)
 * @param lampPins      desk to BCM pin; empty means "take them from the roster"
 * @param technicianPin 4-8 digits opening the technician screen; null leaves it locked
 * @param scannerDriver keyboard (a USB scanner typing like a keyboard, read by the window),
 *                      serial (USB CDC / RS-232 on scannerPort), camera (rpicam-vid), fifo (the
 *                      simulator: lines written to DATA/scanner.fifo) or none
 * @param lampButtons   desk to BCM pin of its acknowledge button; empty for none
 * @param token         the kiosk's back-office token, or null to use the one obtained by enrolment
 * @param enrolmentCode a one-time code exchanged for a token at the first start, or null
 * @param backOfficeCa  PEM file of the CA the back office's certificate must chain to, or null
 */
public record KioskConfig(String siteId, String kioskId, Path dataDir, URI backOffice,
                          String printerDriver, PrinterConfig printer, String lampDriver,
                          Map<Integer, Integer> lampPins, boolean lampsActiveLow,
                          Duration syncInterval, Duration idleTimeout, String ui,
                          AppointmentRules appointments, String technicianPin, String scannerDriver,
                          String scannerPort, int scannerBaud, Map<Integer, Integer> lampButtons,
                          Duration greetingTarget, Duration escalateAfter, String token, String enrolmentCode,
                          Path backOfficeCa) {
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final String[] KEYS = {"site", "kiosk", "data", "backoffice", "devices", "printer.driver",
        "printer.port", "printer.baud", "printer.databits", "printer.parity", "printer.flow",
        "printer.reply-timeout-ms", "lamps.driver", "lamps.pins", "lamps.active-low", "sync.interval-s",
        "idle-timeout-s", "ui", "appointments.early-min", "appointments.late-min", "technician.pin",
        "scanner.driver", "scanner.port", "scanner.baud", "lamps.buttons", "lamps.greeting-target-s",
        "lamps.escalate-after-s", "backoffice.token", "backoffice.enrolment-code", "backoffice.ca"};

    public KioskConfig {
        requireText(siteId, "site");
        requireText(kioskId, "kiosk");
        lampPins = Map.copyOf(lampPins);
        if (!printerDriver.matches("serial|usb-file|simulated")) {
            throw new IllegalArgumentException("printer.driver must be serial, usb-file or simulated, was " + printerDriver);
        }
        if (!lampDriver.matches("gpiod|mock")) {
            throw new IllegalArgumentException("lamps.driver must be gpiod or mock, was " + lampDriver);
        }
        if (!ui.matches("auto|window|console")) {
            throw new IllegalArgumentException("ui must be auto, window or console, was " + ui);
        }
        lampButtons = Map.copyOf(lampButtons);
        if (!scannerDriver.matches("keyboard|serial|camera|fifo|none")) {
            throw new IllegalArgumentException("scanner.driver must be keyboard, serial, camera, fifo or none, was "
                    + scannerDriver);
        }
        if (technicianPin != null && !technicianPin.matches("\\d{4,8}")) {
            throw new IllegalArgumentException("technician.pin must be 4 to 8 digits");
        }
        if (!"http".equals(backOffice.getScheme()) && !"https".equals(backOffice.getScheme())) {
            throw new IllegalArgumentException("backoffice must be an http(s) URL, was " + backOffice);
        }
        if ("http".equals(backOffice.getScheme()) && !loopback(backOffice.getHost())) {
            // The kiosk's token and customers' plates cross this line: in the clear only on this machine.
            throw new IllegalArgumentException("backoffice " + backOffice + " is plain HTTP to another machine; "
                    + "use https:// (and backoffice.ca for the back office's own CA)");
        }
    }

    /** Never the token: configurations end up in logs and support tickets. */
    @Override
    public String toString() {
        return "KioskConfig[site=" + siteId + ", kiosk=" + kioskId + ", data=" + dataDir + ", backoffice=" + backOffice
                + ", printer=" + printerDriver + ", lamps=" + lampDriver + ", scanner=" + scannerDriver
                + ", token=" + (token == null ? "none" : "***") + "]";
    }

    public static KioskConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k).strip()));
        try {
            return from(map);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code devices=simulated} (the default) picks the simulated printer and mock lamps,
     * {@code devices=hardware} the serial printer and gpiod lamps; each can be overridden.
     */
    public static KioskConfig from(Map<String, String> m) {
        for (String key : m.keySet()) {
            if (!java.util.Arrays.asList(KEYS).contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "'");
            }
        }
        String devices = m.getOrDefault("devices", "simulated").toLowerCase(Locale.ROOT);
        if (!devices.matches("simulated|hardware")) {
            throw new IllegalArgumentException("devices must be simulated or hardware, was " + devices);
        }
        boolean hw = devices.equals("hardware");
        PrinterConfig printer = new PrinterConfig(
                m.getOrDefault("printer.port", "/dev/ttyUSB0"),
                intValue(m, "printer.baud", PrinterConfig.DEFAULT_BAUD),
                intValue(m, "printer.databits", 8),
                PrinterConfig.Parity.valueOf(m.getOrDefault("printer.parity", "none").toUpperCase(Locale.ROOT)),
                PrinterConfig.FlowControl.valueOf(m.getOrDefault("printer.flow", "none")
                        .toUpperCase(Locale.ROOT).replace('-', '_').replace('/', '_')),
                Duration.ofMillis(intValue(m, "printer.reply-timeout-ms",
                        (int) PrinterConfig.DEFAULT_REPLY_TIMEOUT.toMillis())),
                PrinterConfig.DEFAULT_WRITE_TIMEOUT);
        return new KioskConfig(
                m.get("site"), m.get("kiosk"),
                Path.of(m.getOrDefault("data", "/var/lib/lobby-kiosk")),
                URI.create(m.getOrDefault("backoffice", "http://127.0.0.1:8080")),
                m.getOrDefault("printer.driver", hw ? "serial" : "simulated"), printer,
                m.getOrDefault("lamps.driver", hw ? "gpiod" : "mock"),
                pins(m.getOrDefault("lamps.pins", "")),
                Boolean.parseBoolean(m.getOrDefault("lamps.active-low", "false")),
                Duration.ofSeconds(intValue(m, "sync.interval-s", (int) DEFAULT_SYNC_INTERVAL.toSeconds())),
                Duration.ofSeconds(intValue(m, "idle-timeout-s", (int) DEFAULT_IDLE_TIMEOUT.toSeconds())),
                m.getOrDefault("ui", "auto"),
                new AppointmentRules(
                        Duration.ofMinutes(intValue(m, "appointments.early-min", (int) AppointmentRules.DEFAULT_EARLY.toMinutes())),
                        Duration.ofMinutes(intValue(m, "appointments.late-min", (int) AppointmentRules.DEFAULT_LATE.toMinutes()))),
                m.get("technician.pin"),
                m.getOrDefault("scanner.driver", hw ? "keyboard" : "fifo"),
                m.getOrDefault("scanner.port", "/dev/ttyACM0"),
                intValue(m, "scanner.baud", 9600),
                pins(m.getOrDefault("lamps.buttons", "")),
                Duration.ofSeconds(intValue(m, "lamps.greeting-target-s", 15)),
                Duration.ofSeconds(intValue(m, "lamps.escalate-after-s", 60)),
                m.get("backoffice.token"), m.get("backoffice.enrolment-code"),
                m.containsKey("backoffice.ca") ? Path.of(m.get("backoffice.ca")) : null);
    }

    static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }

    /** "1:17,2:27" -> {1=17, 2=27}. */
    static Map<Integer, Integer> pins(String text) {
        Map<Integer, Integer> pins = new HashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.strip().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("lamps.pins entries are desk:pin, got '" + part.strip() + "'");
            }
            try {
                pins.put(Integer.parseInt(kv[0].strip()), Integer.parseInt(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("lamps.pins entries are numbers desk:pin, got '" + part.strip() + "'");
            }
        }
        return pins;
    }

    private static int intValue(Map<String, String> m, String key, int dflt) {
        String v = m.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'");
        }
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("setting '" + key + "' is required");
        }
    }
}
