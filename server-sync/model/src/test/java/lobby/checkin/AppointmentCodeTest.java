package lobby.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AppointmentCodeTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private final byte[] key = "site-secret-for-tests".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignedCodeReadsBackAsItsAppointmentAndDay() {
        String payload = AppointmentCode.payload("gz01", DAY, "APT-7", key);
        assertEquals("LKA1.gz01.20261122.APT-7.", payload.substring(0, payload.lastIndexOf('.') + 1));
        assertEquals(new AppointmentCode.Valid("gz01", DAY, "APT-7"), AppointmentCode.read(payload, "gz01", key));
    }

    @Test
    void aChangedAppointmentOrDayIsForged() {
        String payload = AppointmentCode.payload("gz01", DAY, "APT-7", key);
        assertInstanceOf(AppointmentCode.Forged.class, AppointmentCode.read(payload.replace("APT-7", "APT-8"), "gz01", key));
        assertInstanceOf(AppointmentCode.Forged.class, AppointmentCode.read(payload.replace("20261122", "20261123"), "gz01", key));
        assertInstanceOf(AppointmentCode.Forged.class,
                AppointmentCode.read(payload, "gz01", "another key".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherSitesCodeIsToldApart() {
        String payload = AppointmentCode.payload("sz02", DAY, "APT-7", key);
        assertEquals(new AppointmentCode.OtherSite("sz02"), AppointmentCode.read(payload, "gz01", key));
    }

    @Test
    void foreignAndDamagedCodesAreToldApart() {
        assertInstanceOf(AppointmentCode.NotOurs.class, AppointmentCode.read("https://weixin.qq.com/x", "gz01", key));
        assertInstanceOf(AppointmentCode.Malformed.class, AppointmentCode.read("LKA1.gz01.APT", "gz01", key));
        assertInstanceOf(AppointmentCode.Malformed.class, AppointmentCode.read("LKA1.gz01.2026x122.A.mac", "gz01", key));
        assertInstanceOf(AppointmentCode.Malformed.class, AppointmentCode.read("   ", "gz01", key));
        assertInstanceOf(AppointmentCode.Malformed.class,
                AppointmentCode.read("LKA1." + "x".repeat(300), "gz01", key));
    }
}
