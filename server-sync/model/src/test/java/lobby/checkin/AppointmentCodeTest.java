package lobby.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppointmentCodeTest {
    private final byte[] key = "site-secret-for-tests".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignedCodeReadsBackAsItsAppointment() {
        String payload = AppointmentCode.payload("gz01", "APT-7", key);
        AppointmentCode.Read read = AppointmentCode.read(payload, "gz01", key);
        assertEquals(new AppointmentCode.Valid("gz01", "APT-7"), read);
    }

    @Test
    void aChangedAppointmentIdIsForged() {
        String payload = AppointmentCode.payload("gz01", "APT-7", key).replace("APT-7", "APT-8");
        assertInstanceOf(AppointmentCode.Forged.class, AppointmentCode.read(payload, "gz01", key));
    }

    @Test
    void anotherSitesCodeIsNotAccepted() {
        String payload = AppointmentCode.payload("sz02", "APT-7", key);
        assertEquals(new AppointmentCode.Forged("sz02"), AppointmentCode.read(payload, "gz01", key));
    }

    @Test
    void foreignAndDamagedCodesAreToldApart() {
        assertInstanceOf(AppointmentCode.NotOurs.class, AppointmentCode.read("https://weixin.qq.com/x", "gz01", key));
        assertInstanceOf(AppointmentCode.Malformed.class, AppointmentCode.read("LKA1.gz01.APT", "gz01", key));
        assertInstanceOf(AppointmentCode.Malformed.class, AppointmentCode.read("   ", "gz01", key));
        assertInstanceOf(AppointmentCode.Malformed.class,
                AppointmentCode.read("LKA1." + "x".repeat(300), "gz01", key));
    }
}
