package lobby.provision.inventory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the inventory: a few top-level settings, then {@code [site ID]} and {@code [kiosk ID]}
 * sections of {@code key = value} lines; {@code #} starts a comment (at the start of a line or
 * after a space). A format of our own rather than YAML or TOML so that every mistake can be
 * explained with its line number and the keys that would have been right, and so the tool needs
 * no parser library. All problems are collected and reported together, so a technician fixes a
 * file in one go.
 */
public final class InventoryParser {
    /** Kiosk ids end up in file names, URLs and the back office: the back office's own rule. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_GPIO_PIN = 27;
    static final int MAX_HEALTH_TIMEOUT_S = 3600;

    private static final List<String> TOP_KEYS = List.of("known-hosts");
    private static final List<String> SITE_KEYS = List.of("backoffice", "backoffice.ca", "printer.port", "printer.baud",
            "lamp.desk.N");
    private static final List<String> KIOSK_KEYS = List.of("site", "host", "port", "user", "key", "root", "path",
            "health-timeout-s");
    private static final Pattern LAMP_KEY = Pattern.compile("lamp\\.desk\\.(.*)");

    private final Path file;
    private final String name;
    /** Collected as they are found, reported sorted by line so the file can be fixed top to bottom. */
    private final List<Problem> problems = new ArrayList<>();

    private record Problem(int line, String text) {
    }

    private InventoryParser(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    public static Inventory read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InventoryException(List.of(file + ": cannot read the inventory: " + e));
        }
        return new InventoryParser(file).parse(text);
    }

    /** A key's value and the line it came from, so later checks can still name the line. */
    private record Entry(String value, int line) {
    }

    private static final class Section {
        final String kind;
        final String id;
        final int line;
        final Map<String, Entry> entries = new LinkedHashMap<>();

        Section(String kind, String id, int line) {
            this.kind = kind;
            this.id = id;
            this.line = line;
        }

        /** "in [site gz]", or "at the top of the file". */
        String where() {
            return kind.equals("top") ? "at the top of the file" : "in [" + kind + " " + id + "]";
        }
    }

    private Inventory parse(String text) {
        Section top = new Section("top", null, 1);
        Map<String, Section> sites = new LinkedHashMap<>();
        Map<String, Section> kiosks = new LinkedHashMap<>();
        Section current = top;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = withoutComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                current = header(line, lineNo, sites, kiosks);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problem(lineNo, "expected \"key = value\" or a [site ID] / [kiosk ID] header, got \"" + line + "\"");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (current == null) {
                continue; // inside a broken header, already reported
            }
            if (key.isEmpty()) {
                problem(lineNo, "a line with no key before \"=\" " + current.where());
                continue;
            }
            List<String> known = knownKeys(current.kind);
            if (!known.contains(key) && !(current.kind.equals("site") && LAMP_KEY.matcher(key).matches())) {
                problem(lineNo, "unknown key \"" + key + "\" " + current.where() + " (known: "
                        + String.join(", ", known) + ")");
                continue;
            }
            Entry earlier = current.entries.get(key);
            if (earlier != null) {
                problem(lineNo, "duplicate key \"" + key + "\" " + current.where() + " (first at line "
                        + earlier.line() + ")");
                continue;
            }
            current.entries.put(key, new Entry(value, lineNo));
        }

        Path knownHosts = required(top, "known-hosts") == null ? null
                : localPath(top.entries.get("known-hosts"));
        Map<String, Site> siteRecords = new LinkedHashMap<>();
        for (Section s : sites.values()) {
            Site site = site(s);
            if (site != null) {
                siteRecords.put(s.id, site);
            }
        }
        List<Kiosk> kioskRecords = new ArrayList<>();
        for (Section k : kiosks.values()) {
            Kiosk kiosk = kiosk(k, sites, siteRecords);
            if (kiosk != null) {
                kioskRecords.add(kiosk);
            }
        }
        if (kiosks.isEmpty() && problems.isEmpty()) {
            throw new InventoryException(List.of(name + ": no [kiosk ID] sections: nothing to provision"));
        }
        if (!problems.isEmpty()) {
            throw new InventoryException(problems.stream().sorted(Comparator.comparingInt(Problem::line))
                    .map(Problem::text).toList());
        }
        return new Inventory(file, knownHosts, siteRecords, kioskRecords);
    }

    /** Returns the new current section, or null when the header is broken (its keys are then ignored). */
    private Section header(String line, int lineNo, Map<String, Section> sites, Map<String, Section> kiosks) {
        if (!line.endsWith("]")) {
            problem(lineNo, "a section header ends with \"]\": \"" + line + "\"");
            return null;
        }
        String[] parts = line.substring(1, line.length() - 1).strip().split("\\s+");
        String kind = parts[0];
        if (!kind.equals("site") && !kind.equals("kiosk")) {
            problem(lineNo, "unknown section \"" + line + "\" (known: [site ID], [kiosk ID])");
            return null;
        }
        if (parts.length != 2) {
            problem(lineNo, "a section header is [" + kind + " ID] with one ID, got \"" + line + "\"");
            return null;
        }
        String id = parts[1];
        if (!ID.matcher(id).matches()) {
            problem(lineNo, kind + " id \"" + id + "\" may hold letters, digits, '.', '_' and '-' only "
                    + "(at most 64, starting with a letter or digit)");
            return null;
        }
        Map<String, Section> sections = kind.equals("site") ? sites : kiosks;
        Section earlier = sections.get(id);
        if (earlier != null) {
            problem(lineNo, "duplicate [" + kind + " " + id + "] (first at line " + earlier.line + ")");
            return null;
        }
        Section section = new Section(kind, id, lineNo);
        sections.put(id, section);
        return section;
    }

    private Site site(Section s) {
        int before = problems.size();
        String backoffice = required(s, "backoffice");
        URI uri = backoffice == null ? null : backofficeUri(s.entries.get("backoffice"));
        String ca = absolutePath(s, "backoffice.ca");
        String printerPort = absolutePath(s, "printer.port");
        Integer baud = s.entries.containsKey("printer.baud")
                ? number(s.entries.get("printer.baud"), "printer.baud", 1, 4_000_000) : null;
        SortedMap<Integer, Integer> lamps = new TreeMap<>();
        Map<Integer, Integer> pinLines = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : s.entries.entrySet()) {
            var m = LAMP_KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            Entry entry = e.getValue();
            Integer desk = parseNumber(m.group(1));
            if (desk == null || desk < 1) {
                problem(entry.line(), "\"" + e.getKey() + "\": the desk number after lamp.desk. must be a whole "
                        + "number from 1, was \"" + m.group(1) + "\"");
                continue;
            }
            Integer pin = number(entry, e.getKey(), 0, MAX_GPIO_PIN);
            if (pin == null) {
                continue;
            }
            Integer other = pinLines.get(pin);
            if (other != null) {
                problem(entry.line(), "GPIO pin " + pin + " of desk " + desk + " is already desk " + lampDeskOn(lamps, pin)
                        + "'s lamp (line " + other + ")");
                continue;
            }
            pinLines.put(pin, entry.line());
            lamps.put(desk, pin);
        }
        if (problems.size() > before) {
            return null;
        }
        return new Site(s.id, uri, ca, printerPort, baud, lamps);
    }

    private static int lampDeskOn(Map<Integer, Integer> lamps, int pin) {
        return lamps.entrySet().stream().filter(e -> e.getValue() == pin).findFirst().orElseThrow().getKey();
    }

    private Kiosk kiosk(Section k, Map<String, Section> siteSections, Map<String, Site> sites) {
        int before = problems.size();
        String siteId = required(k, "site");
        Site site = null;
        if (siteId != null) {
            site = sites.get(siteId);
            if (site == null && !siteSections.containsKey(siteId)) {
                problem(k.entries.get("site").line(), "[kiosk " + k.id + "] names unknown site \"" + siteId
                        + "\" (sites: " + (siteSections.isEmpty() ? "none" : String.join(", ", siteSections.keySet()))
                        + ")");
            }
        }
        String host = required(k, "host");
        if (host != null && (host.isBlank() || host.chars().anyMatch(Character::isWhitespace))) {
            problem(k.entries.get("host").line(), "host \"" + host + "\" is not a host name or address");
        }
        int port = k.entries.containsKey("port") ? orZero(number(k.entries.get("port"), "port", 1, 65535))
                : Kiosk.DEFAULT_PORT;
        String user = required(k, "user");
        Path key = null;
        if (required(k, "key") != null) {
            Entry entry = k.entries.get("key");
            key = localPath(entry);
            if (!Files.isRegularFile(key)) {
                problem(entry.line(), "key file " + entry.value() + " (" + key + ") does not exist");
            }
        }
        String root = k.entries.containsKey("root") ? absolutePath(k, "root") : "/";
        Entry pathEntry = k.entries.get("path");
        int timeout = k.entries.containsKey("health-timeout-s")
                ? orZero(number(k.entries.get("health-timeout-s"), "health-timeout-s", 1, MAX_HEALTH_TIMEOUT_S))
                : (int) Kiosk.DEFAULT_HEALTH_TIMEOUT.toSeconds();
        if (problems.size() > before || site == null) {
            return null; // a site with problems of its own has been reported at its lines
        }
        return new Kiosk(k.id, site, host, port, user, key, root, pathEntry == null ? null : pathEntry.value(),
                Duration.ofSeconds(timeout));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Reports a missing key at the section's header line, where the technician will add it. */
    private String required(Section s, String key) {
        Entry e = s.entries.get(key);
        if (e == null || e.value().isEmpty()) {
            problem(e == null ? s.line : e.line(), "missing required key \"" + key + "\" " + s.where()
                    + (s.kind.equals("top") ? ", before the first section" : ""));
            return null;
        }
        return e.value();
    }

    private URI backofficeUri(Entry e) {
        try {
            URI uri = new URI(e.value());
            String scheme = uri.getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme) || uri.getHost() == null) {
                problem(e.line(), "backoffice must be an https:// URL with a host, was \"" + e.value() + "\"");
                return null;
            }
            if ("http".equals(scheme) && !loopback(uri.getHost())) {
                // The kiosk refuses this too: its token and customers' plates would cross the network in clear.
                problem(e.line(), "backoffice " + e.value() + " is plain HTTP to another machine; use https://");
                return null;
            }
            return uri;
        } catch (URISyntaxException ex) {
            problem(e.line(), "backoffice is not a URL: " + ex.getMessage());
            return null;
        }
    }

    static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private String absolutePath(Section s, String key) {
        Entry e = s.entries.get(key);
        if (e == null) {
            return null;
        }
        if (!e.value().startsWith("/")) {
            problem(e.line(), key + " must be an absolute path on the kiosk (starting with /), was \"" + e.value() + "\"");
            return null;
        }
        return e.value();
    }

    /** A file on the technician's machine: ~ is the home folder, relative means beside the inventory. */
    private Path localPath(Entry e) {
        String value = e.value();
        if (value.equals("~") || value.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), value.substring(1).replaceFirst("^/", "")).normalize();
        }
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve(value).normalize();
    }

    private Integer number(Entry e, String key, int min, int max) {
        Integer n = parseNumber(e.value());
        if (n == null) {
            problem(e.line(), key + " must be a whole number, was \"" + e.value() + "\"");
            return null;
        }
        if (n < min || n > max) {
            problem(e.line(), key + " must be from " + min + " to " + max + ", was " + n);
            return null;
        }
        return n;
    }

    private static Integer parseNumber(String text) {
        if (!text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(text);
    }

    private static List<String> knownKeys(String kind) {
        return switch (kind) {
            case "site" -> SITE_KEYS;
            case "kiosk" -> KIOSK_KEYS;
            default -> TOP_KEYS;
        };
    }

    /** "#" starts a comment at the start of a line or after white space, so URLs with '#' stay whole. */
    static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private void problem(int line, String message) {
        problems.add(new Problem(line, name + ":" + line + ": " + message));
    }
}
