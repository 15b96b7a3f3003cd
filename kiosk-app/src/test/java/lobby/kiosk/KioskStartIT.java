package lobby.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import lobby.checkin.VisitKind;
import lobby.device.DeviceHealth;
import lobby.kiosk.checkin.ScanOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk starts and hands out numbers whatever is missing around it. */
class KioskStartIT {
    @TempDir
    Path dir;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @Test
    void missingPrinterPortIsNamedAndTheCustomerStillGetsANumber() throws IOException {
        String port = dir.resolve("ttyUSB9").toString();
        try (Kiosk kiosk = Kiosk.start(config(Map.of("devices", "hardware", "printer.port", port,
                "lamps.driver", "mock")), Clock.systemDefaultZone(), output::add)) {
            DeviceHealth health = kiosk.printer().health();
            assertEquals(DeviceHealth.State.OFFLINE, health.state());
            assertTrue(health.toString().contains(port), health.toString());

            ScanOutcome.Issued issued = assertInstanceOf(ScanOutcome.Issued.class,
                    kiosk.desk().walkIn(VisitKind.MAINTENANCE, true, null));
            assertEquals("BZ01", issued.ticket().number(), "no back office yet: the fallback series");
            assertFalse(issued.print().printed());
            assertTrue(issued.print().message().contains(port), issued.print().message());
        }
    }

    @Test
    void unreachableBackOfficeDoesNotStopCheckIns() throws IOException {
        try (Kiosk kiosk = Kiosk.start(config(Map.of()), Clock.systemDefaultZone(), output::add)) {
            assertFalse(kiosk.sync().status().online());
            ScanOutcome.Issued issued = assertInstanceOf(ScanOutcome.Issued.class,
                    kiosk.desk().walkIn(VisitKind.REPAIR, false, null));
            assertNull(issued.advisor(), "no roster yet: the next free advisor takes it");
            assertTrue(issued.print().printed());
            assertEquals(1, kiosk.store().outbox().pendingCount(), "waits in the outbox for the back office");
            assertTrue(output.stream().anyMatch(l -> l.contains(issued.ticket().number())),
                    "the simulated printer shows the ticket: " + output);
        }
    }

    @Test
    void theKioskWritesItsHealthForTheProvisioningTool() throws Exception {
        try (Kiosk kiosk = Kiosk.start(config(Map.of()), Clock.systemDefaultZone(), output::add)) {
            Path health = dir.resolve("kiosk").resolve(Liveness.FILE);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(health) && System.nanoTime() < end) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // poll interval
            }
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Files.readString(health));
            assertEquals(KioskMain.version(), json.get("version").asText());
            assertEquals(ProcessHandle.current().pid(), json.get("pid").asLong());
            assertTrue(json.get("ok").asBoolean());
            assertTrue(json.get("devices").toString().contains("printer"), json.toString());
            assertTrue(json.get("devices").toString().contains("outbox"), json.toString());
            assertTrue(java.time.Instant.parse(json.get("at").asText()).isAfter(java.time.Instant.now().minusSeconds(60)));
        }
    }

    @Test
    void theSimulatedScannerReadsCodesWrittenToItsPipe() throws Exception {
        try (Kiosk kiosk = Kiosk.start(config(Map.of()), Clock.systemDefaultZone(), output::add)) {
            List<String> scans = new CopyOnWriteArrayList<>();
            kiosk.scanner().orElseThrow().start(scan -> scans.add(scan.text()));
            Path fifo = dir.resolve("kiosk").resolve(Kiosk.SCANNER_FIFO);
            Files.writeString(fifo, "LKA1.demo.20261122.X.mac\n");
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (scans.isEmpty() && System.nanoTime() < end) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // poll interval
            }
            assertEquals(List.of("LKA1.demo.20261122.X.mac"), scans);
        }
    }

    private KioskConfig config(Map<String, String> extra) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> m = new java.util.HashMap<>(Map.of("site", "demo", "kiosk", "k1",
                "data", dir.resolve("kiosk").toString(), "backoffice", "http://127.0.0.1:" + closedPort));
        m.putAll(extra);
        return KioskConfig.from(m);
    }
}
