package lobby.provision.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lobby.provision.inventory.Kiosk;
import lobby.provision.inventory.Site;

/**
 * The kiosk's configuration file (read by kiosk-app's KioskConfig, which refuses unknown keys),
 * rendered from the inventory. Two keys are not the inventory's but the kiosk's own secrets: a
 * pending enrolment code and a configured token. They are carried over from the file on the kiosk
 * so that an apply never drops them, and they are never shown in a difference or a message.
 */
final class KioskProperties {
    public static final String ENROLMENT_CODE = "backoffice.enrolment-code";
    public static final String TOKEN = "backoffice.token";
    static final List<String> SECRETS = List.of(TOKEN, ENROLMENT_CODE);
    private static final String HEADER = "# Written by the provisioning tool from the inventory; "
            + "changes made here are replaced at the next apply.\n";

    private KioskProperties() {
    }

    /** The whole file, in a fixed order so that equal settings give equal bytes. */
    public static String render(Kiosk kiosk, Map<String, String> secrets) {
        Site site = kiosk.site();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("site", site.id());
        p.put("kiosk", kiosk.id());
        p.put("data", RemoteLayout.DATA_DIR);
        p.put("backoffice", site.backoffice().toString());
        if (site.backofficeCa() != null) {
            p.put("backoffice.ca", site.backofficeCa());
        }
        p.put("devices", "hardware");
        if (site.printerPort() != null) {
            p.put("printer.port", site.printerPort());
        }
        if (site.printerBaud() != null) {
            p.put("printer.baud", site.printerBaud().toString());
        }
        p.put("lamps.driver", "gpiod");
        if (!site.lampPins().isEmpty()) {
            p.put("lamps.pins", site.lampPins().entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
        }
        for (String secret : SECRETS) {
            String value = secrets.get(secret);
            if (value != null && !value.isBlank()) {
                p.put(secret, value);
            }
        }
        StringBuilder out = new StringBuilder(HEADER);
        p.forEach((k, v) -> out.append(k).append('=').append(escape(v)).append('\n'));
        return out.toString();
    }

    /** The secrets in a file from the kiosk, to carry over. */
    public static Map<String, String> secrets(String remoteText) {
        Map<String, String> all = parse(remoteText);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String secret : SECRETS) {
            if (all.containsKey(secret)) {
                kept.put(secret, all.get(secret));
            }
        }
        return kept;
    }

    /**
     * The file with a fresh enrolment code in place of any earlier code or configured token (which
     * the kiosk would otherwise use instead of the code), other lines untouched.
     */
    public static String withEnrolmentCode(String remoteText, String code) {
        List<String> kept = new ArrayList<>();
        for (String line : remoteText.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0 || !SECRETS.contains(line.substring(0, eq).strip())) {
                kept.add(line);
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        kept.forEach(line -> out.append(line).append('\n'));
        return out.append(ENROLMENT_CODE).append('=').append(escape(code)).append('\n').toString();
    }

    /** "lamps.pins: 1:17,2:27 -> 1:17,2:22; printer.baud added": values of secrets never appear. */
    static String difference(String before, String after) {
        Map<String, String> a = parse(before);
        Map<String, String> b = parse(after);
        List<String> parts = new ArrayList<>();
        for (String key : new TreeSet<>(union(a, b))) {
            String x = a.get(key);
            String y = b.get(key);
            if (x != null && x.equals(y)) {
                continue;
            }
            boolean secret = SECRETS.contains(key);
            if (x == null) {
                parts.add(key + " added" + (secret ? "" : " (" + y + ")"));
            } else if (y == null) {
                parts.add(key + " removed");
            } else {
                parts.add(key + (secret ? " changed" : ": " + x + " -> " + y));
            }
        }
        return parts.isEmpty() ? "comments or layout" : String.join("; ", parts);
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    static Map<String, String> parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new StepFailure("the kiosk's configuration is not a properties file: " + e.getMessage());
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k).strip()));
        return map;
    }

    /** Properties escaping for values: backslashes, and a leading space that load() would eat. */
    private static String escape(String value) {
        String v = value.replace("\\", "\\\\");
        return v.startsWith(" ") ? "\\" + v : v;
    }
}
