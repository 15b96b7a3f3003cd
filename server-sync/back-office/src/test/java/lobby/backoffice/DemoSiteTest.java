package lobby.backoffice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lobby.backoffice.store.ServerStore;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.checkin.Plate;
import lobby.sync.SiteSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSiteTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void theBookingsAreADozenValidGuangdongPlatesOverTheWorkingDay() {
        List<Appointment> day = DemoSite.appointments(DAY);

        assertEquals(12, day.size());
        for (Appointment a : day) {
            Plate.Parsed plate = Plate.parse(a.plate());
            assertTrue(plate.valid(), a.plate() + ": " + plate.problem());
            assertTrue(a.plate().startsWith("粤"), a.plate());
            assertTrue(!a.time().isBefore(LocalTime.of(8, 30)) && !a.time().isAfter(LocalTime.of(17, 0)), a.toString());
            assertTrue(a.customerName().codePoints().allMatch(Character::isIdeographic), a.customerName());
        }
        long newEnergy = day.stream().filter(a -> Plate.parse(a.plate()).plate().newEnergy()).count();
        assertTrue(newEnergy >= 1 && newEnergy <= 2, "new-energy plates: " + newEnergy);
        assertEquals(Set.of("adv-chen", "adv-li", "adv-huang"),
                day.stream().map(Appointment::advisorId).collect(Collectors.toSet()));
        assertTrue(day.stream().map(Appointment::kind).distinct().count() >= 4, "visit kinds should vary");
        assertEquals(12, day.stream().map(Appointment::id).distinct().count());
    }

    @Test
    void theAdvisorsSitAtDesksOneToThreeWithTheirLampPins() {
        assertEquals(List.of(1, 2, 3), DemoSite.ADVISORS.stream().map(Advisor::desk).toList());
        assertEquals(List.of(17, 27, 22), DemoSite.ADVISORS.stream().map(Advisor::lampPin).toList());
        assertTrue(DemoSite.ADVISORS.stream().allMatch(Advisor::onDuty));
    }

    @Test
    void seedingWritesAVerifiableCodePerBookingAndSeedingAgainDuplicatesNothing() throws Exception {
        ServerStore store = ServerStore.open(dir.resolve("backoffice.db"));
        Path qr = dir.resolve("qr");

        DemoSite.Seeded first = DemoSite.seed(store, DAY, "http://localhost:1/t", qr);
        DemoSite.Seeded again = DemoSite.seed(store, DAY, "http://localhost:2/t", qr);

        SiteSnapshot snapshot = store.snapshot(DemoSite.SITE_ID, DAY).orElseThrow();
        assertEquals(12, snapshot.appointments().size());
        assertEquals(3, snapshot.advisors().size());
        assertEquals("http://localhost:2/t", snapshot.statusBaseUrl());
        assertEquals(first.codes(), again.codes(), "same key, same ids: same payloads");
        byte[] key = Base64.getDecoder().decode(snapshot.qrKey());
        String listing = Files.readString(again.listing(), StandardCharsets.UTF_8);
        for (DemoSite.Code code : again.codes()) {
            assertEquals(new AppointmentCode.Valid(DemoSite.SITE_ID, code.appointment().day(), code.appointment().id()),
                    AppointmentCode.read(code.payload(), DemoSite.SITE_ID, key));
            byte[] png = Files.readAllBytes(code.png());
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length), code.png().toString());
            assertEquals(qr.resolve(code.appointment().id() + ".png"), code.png());
            assertTrue(listing.contains(code.payload()), "listing lacks " + code.payload());
        }
        assertTrue(listing.contains("欧阳**\t粤A2C9Q8"), "names are masked, plates are not:\n" + listing);
        assertTrue(!listing.contains("欧阳俊杰"), listing);
        assertInstanceOf(AppointmentCode.Forged.class,
                AppointmentCode.read(again.codes().get(0).payload(), DemoSite.SITE_ID, new byte[32]));
    }

    @Test
    void seedingMakesLoginsADisplayKeyAndKioskTokensThatSurviveSeedingAgain() throws Exception {
        ServerStore store = ServerStore.open(dir.resolve("backoffice.db"));
        lobby.backoffice.access.Passwords cheap = new lobby.backoffice.access.Passwords(1_000);
        DemoSite.Seeded first = DemoSite.seed(store, DAY, "http://localhost:1/t", dir.resolve("qr"), cheap);
        DemoSite.Seeded again = DemoSite.seed(store, DAY, "http://localhost:1/t", dir.resolve("qr"), cheap);

        assertEquals(List.of("adv-chen", "adv-li", "adv-huang", "manager", "admin"), first.logins());
        assertEquals(first.displayKey(), again.displayKey());
        assertEquals(first.kioskTokens(), again.kioskTokens());
        assertEquals(Set.copyOf(DemoSite.KIOSK_IDS), first.kioskTokens().keySet());
        for (String kiosk : DemoSite.KIOSK_IDS) {
            assertEquals(kiosk, store.kiosks().byToken(again.kioskToken(kiosk)).orElseThrow().kioskId());
        }
        assertEquals(Optional.of(DemoSite.SITE_ID), store.accounts().displayKeySite(again.displayKey()));
        assertTrue(cheap.matches(DemoSite.PASSWORD, store.accounts().user("adv-li").orElseThrow().passwordHash()));
        assertEquals("adv-li", store.accounts().user("adv-li").orElseThrow().advisorId());
        assertEquals("MANAGER", store.accounts().user("manager").orElseThrow().role());
        String listing = Files.readString(again.listing(), StandardCharsets.UTF_8);
        assertTrue(listing.contains("http://localhost:1/board?site=demo&key=" + again.displayKey()), listing);
        assertTrue(listing.contains("password demo-pass-1"), listing);
        assertTrue(!listing.contains(again.kioskToken("lobby-1")), "no tokens in the listing");
        assertTrue(!again.toString().contains(again.kioskToken("lobby-1")), again.toString());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> again.kioskToken("k9"));
    }

    @Test
    void anotherDayAddsThatDaysBookingsBesideTheFirst() {
        ServerStore store = ServerStore.open(dir.resolve("backoffice.db"));
        DemoSite.seed(store, DAY, "http://localhost:1/t", dir.resolve("qr"));
        DemoSite.seed(store, DAY.plusDays(1), "http://localhost:1/t", dir.resolve("qr"));

        assertEquals(12, store.snapshot(DemoSite.SITE_ID, DAY).orElseThrow().appointments().size());
        assertEquals(12, store.snapshot(DemoSite.SITE_ID, DAY.plusDays(1)).orElseThrow().appointments().size());
    }
}
