package lobby.kiosk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import lobby.checkin.VisitKind;
import lobby.kiosk.Kiosk;
import lobby.kiosk.KioskConfig;

/**
 * Run as its own JVM (with -Xmx128m) by {@link KioskBenchmarks}: a kiosk on simulated devices
 * checks 200 customers in, then reports its heap after a GC and its resident set size.
 */
public final class MemoryProbe {
    static final int CHECK_INS = 200;

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Kiosk kiosk = Kiosk.start(KioskConfig.from(Map.of("site", "demo", "kiosk", "bench", "data", args[0],
                "backoffice", args[1])), Clock.systemDefaultZone(), line -> { })) {
            for (int i = 0; i < CHECK_INS; i++) {
                kiosk.desk().walkIn(VisitKind.values()[i % VisitKind.values().length], i % 2 == 0, null);
            }
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long max = Runtime.getRuntime().maxMemory();
            String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ? kB")
                    .replaceAll("\\s+", " ");
            System.out.println("MEMORY heap_used_mb=" + heap / (1024 * 1024) + " heap_max_mb=" + max / (1024 * 1024)
                    + " rss_kb=" + rss.split(" ")[1] + " tickets=" + kiosk.store().queue()
                    .tickets(java.time.LocalDate.now()).size());
        }
        System.exit(0);
    }
}
