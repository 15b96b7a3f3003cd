package lobby.kiosk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lobby.backoffice.BackOfficeServer;
import lobby.checkin.VisitKind;
import lobby.kiosk.Kiosk;
import lobby.kiosk.KioskConfig;
import lobby.kiosk.KioskMain;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.printer.FakePrinter;
import lobby.printer.PtyPair;

/**
 * {@code ./mvnw -q -Pbench -pl kiosk-app -am}: the kiosk's figures. Cold start to the welcome
 * screen (target under 3 s), heap and resident memory after 200 check-ins with the launcher's
 * JVM options (target under 200 MB resident), and the time from a scan to the last ticket byte handed to
 * the serial link with the lamp lit, the store's commit included (target p99 under 50 ms).
 */
public final class KioskBenchmarks {
    static final int COLD_STARTS = 5;
    static final int TIMED_CHECK_INS = 200;
    private static final Pattern SHOWN = Pattern.compile("welcome screen shown (\\d+) ms");
    /** The distribution's launcher, from the module's folder (where the benchmark runs). */
    static final Path LAUNCHER = Path.of("src", "dist", "bin", "lobby-kiosk");

    private KioskBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("kiosk-bench");
        String nowhere = "http://127.0.0.1:" + freePort();
        coldStart(work, nowhere);
        memory(work, nowhere);
        scanToPaper(work);
        System.exit(0);
    }

    /**
     * The real launcher ({@link KioskMain} with a configuration file, window mode under headless
     * Monocle) in a fresh JVM with the launcher's JVM options, twice per data folder: the first
     * boot waits for the roster, later boots start on the stored one. The kiosk logs when its
     * welcome screen is on the stage.
     */
    static void coldStart(Path work, String backOffice) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < COLD_STARTS; i++) {
            Path data = work.resolve("cold-" + i);
            Files.createDirectories(data);
            Path config = data.resolve("kiosk.properties");
            Files.writeString(config, "site=demo\nkiosk=bench\ndata=" + data + "\nbackoffice=" + backOffice
                    + "\nui=window\n");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(launcherJvmOptions());
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-cp", System.getProperty("java.class.path"), KioskMain.class.getName(), "--config", config.toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = SHOWN.matcher(line);
                    if (m.find()) {
                        times.add(Long.parseLong(m.group(1)));
                        break;
                    }
                }
            } finally {
                p.destroyForcibly().waitFor();
            }
        }
        if (times.size() < COLD_STARTS) {
            throw new IllegalStateException("the kiosk did not report its welcome screen: " + times);
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("== Kiosk cold start to the welcome screen (JVM start to stage shown, real launcher, headless,"
                + " back office unreachable, %d runs)%n", COLD_STARTS);
        System.out.printf("median %d ms, min %d ms, max %d ms   target < 3000 ms: %s%n", sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1], sorted[sorted.length / 2] < 3000 ? "met" : "MISSED");
    }

    /**
     * In a JVM started with the options the distribution's launcher gives it (read from {@link
     * #LAUNCHER}, so the figure is for the kiosk as shipped): the heap's ceiling and the
     * collector decide most of the resident set.
     */
    static void memory(Path work, String backOffice) throws Exception {
        List<String> options = launcherJvmOptions();
        String line = child(options, MemoryProbe.class, work.resolve("memory"), backOffice, "MEMORY");
        System.out.println("== Kiosk memory after " + MemoryProbe.CHECK_INS + " check-ins with the launcher's "
                + String.join(" ", options));
        System.out.println(line.substring("MEMORY ".length()));
        long rssKb = Long.parseLong(line.replaceAll(".*rss_kb=(\\d+).*", "$1"));
        System.out.printf("resident %d MB   target < 200 MB: %s%n", rssKb / 1024, rssKb / 1024 < 200 ? "met" : "MISSED");
    }

    /** Real store, real jssc to a pty read by the fake printer, lamps on Pi4J's mock platform. */
    static void scanToPaper(Path work) throws Exception {
        Clock clock = Clock.fixed(LocalDate.now().atTime(8, 20).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        BackOfficeServer server = BackOfficeServer.start(work.resolve("bo"), 0, true, clock);
        Files.createDirectories(work.resolve("pty"));
        try (PtyPair pty = PtyPair.start(work.resolve("pty")); FakePrinter printer = FakePrinter.attach(pty);
             Kiosk kiosk = Kiosk.start(KioskConfig.from(Map.of("site", "demo", "kiosk", "bench",
                     "data", work.resolve("scan").toString(), "backoffice", server.baseUrl(), "devices", "hardware",
                     "printer.port", pty.kioskPath().toString(), "lamps.driver", "mock", "printer.baud", "115200",
                     "scanner.driver", "none", "backoffice.token", server.demo().orElseThrow().kioskToken("bench"))),
                     clock, line -> { })) {
            var codes = server.demo().orElseThrow().codes();
            long[] walkIn = new long[TIMED_CHECK_INS];
            for (int i = 0; i < TIMED_CHECK_INS; i++) {
                long start = System.nanoTime();
                ScanOutcome.Issued issued = (ScanOutcome.Issued) kiosk.desk().walkIn(VisitKind.REPAIR, true, null);
                walkIn[i] = System.nanoTime() - start;
                check(issued, kiosk);
                printer.awaitTicket(Duration.ofSeconds(5));
            }
            long[] appointment = new long[codes.size()];
            for (int i = 0; i < codes.size(); i++) {
                long start = System.nanoTime();
                ScanOutcome.Found found = (ScanOutcome.Found) kiosk.desk().scan(codes.get(i).payload());
                ScanOutcome.Issued issued = (ScanOutcome.Issued) kiosk.desk().confirm(found.appointment());
                appointment[i] = System.nanoTime() - start;
                check(issued, kiosk);
                printer.awaitTicket(Duration.ofSeconds(5));
            }
            System.out.println("== Scan to last ticket byte on the serial link and lamp lit (commit included;"
                    + " jssc to a pty at 115200 baud, status asked before and after each job)");
            report("walk-in (" + TIMED_CHECK_INS + ")", walkIn);
            report("appointment scan + confirm (" + codes.size() + ")", appointment);
        } finally {
            server.stop();
        }
    }

    private static void check(ScanOutcome.Issued issued, Kiosk kiosk) {
        if (!issued.print().printed() || issued.advisor() == null || !kiosk.lamps().isLit(issued.advisor().desk())) {
            throw new IllegalStateException("check-in not delivered: " + issued);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double p50 = s[s.length / 2] / 1e6;
        double p99 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6;
        System.out.printf("%-36s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms   target p99 < 50 ms: %s%n", what, p50, p99,
                s[s.length - 1] / 1e6, p99 < 50 ? "met" : "MISSED");
    }

    private static String child(List<String> jvmArgs, Class<?> main, Path data, String backOffice, String marker)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), data.toString(), backOffice));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(marker)) {
                    p.waitFor();
                    return line;
                }
            }
        }
        throw new IllegalStateException(main.getSimpleName() + " ended without a result (exit " + p.waitFor() + ")");
    }

    /** The -X options of the launcher's java command line. */
    static List<String> launcherJvmOptions() throws Exception {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(LAUNCHER)) {
            if (line.strip().startsWith("exec ")) {
                for (String word : line.strip().split("\\s+")) {
                    if (word.startsWith("-X")) {
                        options.add(word);
                    }
                }
            }
        }
        if (options.isEmpty()) {
            throw new IllegalStateException("no -X options on the exec line of " + LAUNCHER.toAbsolutePath());
        }
        return options;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
