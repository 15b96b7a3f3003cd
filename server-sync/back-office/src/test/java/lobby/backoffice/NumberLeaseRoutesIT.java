package lobby.backoffice;

import static lobby.backoffice.TestServer.CLOCK;
import static lobby.backoffice.TestServer.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import lobby.sync.NumberLease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kiosks lease blocks of ticket numbers, so that offline they still never print the same one. */
class NumberLeaseRoutesIT {
    private static final String PATH = "/api/sync/leases";

    @TempDir
    Path dir;
    private TestServer ts;

    @BeforeEach
    void start() {
        ts = TestServer.start(dir, o -> o.withKioskRateLimit(Double.POSITIVE_INFINITY, 1));
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    private NumberLease.Grant lease(Http kiosk, String kioskId, List<String> series, int size) {
        HttpResponse<String> r = kiosk.post(PATH, new NumberLease.Request(kioskId, DAY, series, size));
        assertEquals(200, r.statusCode(), r.body());
        return kiosk.read(r, NumberLease.Grant.class);
    }

    @Test
    void twoKiosksGetBlocksThatNeverOverlapAndMarksOfTheirOwn() {
        Http lobby = ts.kiosk("lobby-1");
        NumberLease.Grant first = lease(ts.kiosk, TestServer.KIOSK, List.of("B", "A"), 50);
        NumberLease.Grant second = lease(lobby, "lobby-1", List.of("B", "A", "U"), 50);
        NumberLease.Grant third = lease(ts.kiosk, TestServer.KIOSK, List.of("B"), 50);

        assertEquals(List.of(new NumberLease(DAY, "B", 1, 50), new NumberLease(DAY, "A", 1, 50)), first.leases());
        assertEquals(List.of(new NumberLease(DAY, "B", 51, 100), new NumberLease(DAY, "A", 51, 100),
                new NumberLease(DAY, "U", 1, 50)), second.leases());
        assertEquals(List.of(new NumberLease(DAY, "B", 101, 150)), third.leases());
        assertEquals("A", first.mark());
        assertEquals("B", second.mark());
        assertEquals("A", third.mark(), "a kiosk keeps its mark");
        assertEquals(ts.server.store().epoch(), first.epoch());
        assertEquals(CLOCK.instant(), first.serverTime());
    }

    @Test
    void theDaysNumbersRunOutAt999() {
        for (int i = 0; i < 4; i++) {
            lease(ts.kiosk, TestServer.KIOSK, List.of("U"), 200);
        }
        assertEquals(List.of(new NumberLease(DAY, "U", 801, 999)),
                lease(ts.kiosk("bench"), "bench", List.of("U"), 200).leases(), "what remains");
        NumberLease.Grant none = lease(ts.kiosk, TestServer.KIOSK, List.of("U", "B"), 10);
        assertEquals(List.of(new NumberLease(DAY, "B", 1, 10)), none.leases(), "no U block: all 999 are out");
    }

    @Test
    void badRequestsAreRefusedAndAKioskLeasesOnlyForItself() {
        assertTrue(ts.assertError(400, ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY, List.of("X"), 10)))
                .contains("series must each be one of [A, B, U]"));
        ts.assertError(400, ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY, List.of(), 10)));
        ts.assertError(400, ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY, List.of("B", "B"), 10)));
        assertTrue(ts.assertError(400, ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY, List.of("B"), 0)))
                .contains("size must be 1-200, was 0"));
        ts.assertError(400, ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY, List.of("B"), 201)));
        LocalDate tooLate = DAY.plusDays(2);
        assertTrue(ts.assertError(400, ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, tooLate,
                List.of("B"), 10))).contains("not for " + tooLate));
        ts.assertError(400, ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY.minusDays(2), List.of("B"), 10)));
        ts.assertError(400, ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, null, List.of("B"), 10)));
        ts.assertError(400, ts.kiosk.post(PATH, "{\"kioskId\": \"demo-kiosk-1\", \"day\": \"tomorrow\"}"));
        String other = ts.assertError(403, ts.kiosk.post(PATH, new NumberLease.Request("lobby-1", DAY, List.of("B"), 10)));
        assertTrue(other.contains("cannot lease numbers for kiosk lobby-1"), other);
        ts.assertError(401, ts.http.post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY, List.of("B"), 10)));
        ts.assertError(403, ts.as("manager").post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY, List.of("B"), 10)));

        NumberLease.Grant afterRefusals = lease(ts.kiosk, TestServer.KIOSK, List.of("B"), 10);
        assertEquals(List.of(new NumberLease(DAY, "B", 1, 10)), afterRefusals.leases(), "the refusals took no numbers");
        HttpResponse<String> r = ts.kiosk.post(PATH, new NumberLease.Request(TestServer.KIOSK, DAY.minusDays(1),
                List.of("B"), 10));
        assertEquals(200, r.statusCode(), r.body());
        assertNotEquals(DAY, ts.kiosk.read(r, NumberLease.Grant.class).leases().get(0).day(), "a day either side");
    }
}
