package lobby.backoffice.store;

import static lobby.backoffice.store.TestData.DAY;
import static lobby.backoffice.store.TestData.MORNING;
import static lobby.backoffice.store.TestData.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.checkin.VisitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppointmentBookTest {
    private static final Clock CLOCK = Clock.fixed(MORNING, ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    private ServerStore store;
    private final List<Committed> published = new ArrayList<>();

    @BeforeEach
    void open() {
        store = ServerStore.open(dir.resolve("backoffice.db"), CLOCK);
        store.onCommitted(published::addAll, site -> { });
        TestData.saveSite(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Appointment booking(String id, int day, String time, String plate, String name) {
        return new Appointment(id, SITE, DAY.plusDays(day), LocalTime.parse(time), plate, name, VisitKind.REPAIR,
                "adv-a");
    }

    private List<String> vehicles() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.where());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT plate_key, plate, customer_name, last_seen_day FROM vehicles"
                     + " ORDER BY plate_key")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
            return out;
        }
    }

    @Test
    void savingCountsNewAndReplacedBookingsListsThemByTimeAndTellsTheLiveViews() {
        Appointment late = booking("a1", 0, "15:00", "粤A8K2M6", "张伟");
        Appointment early = booking("a2", 0, "09:00", "粤B5H7N3", "李娜");
        assertEquals(Result.ok(new AppointmentBook.Saved(2, 0)), store.appointments().save(SITE, List.of(late, early),
                Set.of()));
        Appointment moved = booking("a1", 0, "08:30", "粤A8K2M6", "张伟");
        assertEquals(Result.ok(new AppointmentBook.Saved(0, 1)), store.appointments().save(SITE, List.of(moved),
                Set.of()));

        assertEquals(Optional.of(List.of(moved, early)), store.appointments().day(SITE, DAY));
        assertEquals(Optional.of(List.of()), store.appointments().day(SITE, DAY.plusDays(1)));
        assertEquals(Optional.empty(), store.appointments().day("nowhere", DAY));
        assertEquals(List.of(new Change.AppointmentChanged(SITE, late), new Change.AppointmentChanged(SITE, early),
                new Change.AppointmentChanged(SITE, moved)), published.stream().map(Committed::change).toList());
    }

    @Test
    void aMadeUpIdThatIsTakenSavesNothing() {
        store.appointments().save(SITE, List.of(booking("a1", 0, "09:00", "粤A8K2M6", "张伟")), Set.of());
        int before = published.size();
        Result<AppointmentBook.Saved> r = store.appointments().save(SITE,
                List.of(booking("a2", 0, "10:00", "粤B5H7N3", null), booking("a1", 0, "11:00", "粤B5H7N3", null)),
                Set.of("a1"));

        Result.Refused<AppointmentBook.Saved> no = assertInstanceOf(Result.Refused.class, r);
        assertEquals(Result.Why.CONFLICT, no.why());
        assertEquals("appointment id a1 of site gz01 is taken", no.message());
        assertEquals(1, store.appointments().day(SITE, DAY).orElseThrow().size(), "a2 was not saved either");
        assertEquals(before, published.size());
        assertInstanceOf(Result.Refused.class, store.appointments().save("nowhere", List.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> store.appointments().save("nowhere",
                List.of(booking("a3", 0, "09:00", "粤A8K2M6", null)), Set.of()));
    }

    @Test
    void theCodeIsSignedWithTheSitesKey() {
        Appointment a = booking("a1", 3, "09:00", "粤A8K2M6", "张伟");
        byte[] key = store.saveSite(SITE, "测试店", "http://localhost/t", TestData.ROSTER, List.of(a));

        AppointmentBook.Coded coded = store.appointments().coded(SITE, "a1").orElseThrow();
        assertEquals(a, coded.appointment());
        assertEquals(new AppointmentCode.Valid(SITE, a.day(), "a1"), AppointmentCode.read(coded.payload(), SITE, key));
        assertEquals(Optional.empty(), store.appointments().coded(SITE, "a9"));
        assertEquals(Optional.empty(), store.appointments().coded("nowhere", "a1"));
    }

    @Test
    void eachVehicleKeepsItsLatestDayAndTheLatestNameGiven() throws Exception {
        store.appointments().save(SITE, List.of(booking("a1", 5, "09:00", "粤A8K2M6", "张伟")), Set.of());
        store.appointments().save(SITE, List.of(booking("a2", 1, "09:00", "粤A8K2M6", "张伟伟")), Set.of());
        store.appointments().save(SITE, List.of(booking("a3", 2, "09:00", "粤A8K2M6", null)), Set.of());
        // Saved by the demo's way in too: O typed for 0 is the same vehicle.
        store.saveSite(SITE, "测试店", "http://localhost/t", TestData.ROSTER,
                List.of(booking("a4", 0, "09:00", "粤BO1234", "李娜"), booking("a5", 0, "10:00", "粤B01234", null)));

        assertEquals(List.of("粤A8K2M6 粤A8K2M6 张伟伟 2025-03-19", "粤B01234 粤B01234 李娜 2025-03-14"), vehicles());
        assertEquals(5, published.size(), "the demo's bookings reach the live views as well");
    }
}
