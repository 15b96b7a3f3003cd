package lobby.backoffice;

import static lobby.backoffice.TestServer.CLOCK;
import static lobby.backoffice.TestServer.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, snapshots and queues over HTTP, against the seeded demo site. */
class SiteRoutesIT {
    @TempDir
    Path dir;
    private TestServer ts;

    @BeforeEach
    void start() {
        ts = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void healthSaysOk() {
        HttpResponse<String> r = ts.http.get("/api/health");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\"}", r.body());
    }

    @Test
    void theSeededDemoSiteHasItsRosterTodaysBookingsAndVerifiableQrCodes() {
        HttpResponse<String> r = ts.kiosk.get("/api/sites/demo/snapshot");
        assertEquals(200, r.statusCode(), r.body());
        SiteSnapshot s = ts.kiosk.read(r, SiteSnapshot.class);

        assertEquals(DemoSite.SITE_NAME, s.siteName());
        assertEquals(DAY, s.day());
        assertEquals(CLOCK.instant(), s.serverTime());
        assertEquals("http://localhost:" + ts.server.port() + "/t", s.statusBaseUrl());
        assertEquals(3, s.advisors().size());
        assertEquals(12, s.appointments().size());
        byte[] key = Base64.getDecoder().decode(s.qrKey());
        List<DemoSite.Code> codes = ts.server.demo().orElseThrow().codes();
        assertEquals(s.appointments(), codes.stream().map(DemoSite.Code::appointment).toList());
        for (DemoSite.Code code : codes) {
            assertTrue(Files.isRegularFile(dir.resolve("qr").resolve(code.appointment().id() + ".png")));
            assertEquals(new AppointmentCode.Valid("demo", code.appointment().day(), code.appointment().id()),
                    AppointmentCode.read(code.payload(), "demo", key));
        }
        assertTrue(Files.isRegularFile(dir.resolve("qr/appointments.txt")));
    }

    @Test
    void anotherDayHasNoBookingsAndABadDayIsRefused() {
        SiteSnapshot tomorrow =
                ts.kiosk.read(ts.kiosk.get("/api/sites/demo/snapshot?day=2025-03-15"), SiteSnapshot.class);
        assertEquals(List.<Appointment>of(), tomorrow.appointments());
        assertEquals(3, tomorrow.advisors().size());
        ts.assertError(400, ts.kiosk.get("/api/sites/demo/snapshot?day=14.03.2025"));
        ts.assertError(400, ts.kiosk.get("/api/sites/demo/queue?day=tomorrow"));
    }
}
