package lobby.provision.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import lobby.provision.inventory.Kiosk;
import lobby.provision.inventory.Site;
import org.junit.jupiter.api.Test;

class KioskPropertiesTest {
    static Kiosk kiosk(Site site) {
        return new Kiosk("lobby-1", site, "10.0.0.21", 22, "pi", Path.of("id"), "/", null, Duration.ofSeconds(60));
    }

    static Site fullSite() {
        return new Site("gz-tianhe", URI.create("https://bo.example.cn:8443"), "/etc/lobby-kiosk/ca.pem", "/dev/ttyUSB0",
                9600, new TreeMap<>(Map.of(2, 27, 1, 17)));
    }

    @Test
    void theFileHasEveryInventorySettingInAFixedOrder() {
        assertEquals("""
                # Written by the provisioning tool from the inventory; changes made here are replaced at the next apply.
                site=gz-tianhe
                kiosk=lobby-1
                data=/var/lib/lobby-kiosk
                backoffice=https://bo.example.cn:8443
                backoffice.ca=/etc/lobby-kiosk/ca.pem
                devices=hardware
                printer.port=/dev/ttyUSB0
                printer.baud=9600
                lamps.driver=gpiod
                lamps.pins=1:17,2:27
                """, KioskProperties.render(kiosk(fullSite()), Map.of()));
    }

    @Test
    void optionalSettingsAreLeftOutAndSecretsKeptAtTheEnd() {
        Site bare = new Site("s", URI.create("https://bo"), null, null, null, new TreeMap<>());

        String text = KioskProperties.render(kiosk(bare), Map.of("backoffice.enrolment-code", "ABCD-EFGH",
                "backoffice.token", "tok"));

        assertFalse(text.contains("printer.") || text.contains("lamps.pins") || text.contains("backoffice.ca"), text);
        assertTrue(text.endsWith("lamps.driver=gpiod\nbackoffice.token=tok\nbackoffice.enrolment-code=ABCD-EFGH\n"), text);
    }

    @Test
    void aPendingCodeOnTheKioskIsCarriedOverSoApplyKeepsIt() {
        String remote = KioskProperties.withEnrolmentCode(KioskProperties.render(kiosk(fullSite()), Map.of()), "K7Q2-M9XA");

        assertEquals(Map.of("backoffice.enrolment-code", "K7Q2-M9XA"), KioskProperties.secrets(remote));
        assertEquals(remote, KioskProperties.render(kiosk(fullSite()), KioskProperties.secrets(remote)),
                "enroll writes what apply renders, so the next apply finds nothing to change");
    }

    @Test
    void aNewCodeReplacesAnOldCodeAndAConfiguredToken() {
        String remote = "site=s\nbackoffice.token=old-token\nbackoffice.enrolment-code=OLD\n\n";

        assertEquals("site=s\nbackoffice.enrolment-code=NEW\n", KioskProperties.withEnrolmentCode(remote, "NEW"));
    }

    @Test
    void differencesNameKeysButNeverSecretValues() {
        String before = "lamps.pins=1:17,2:27\nbackoffice.enrolment-code=SECRET1\nprinter.baud=9600\n";
        String after = "lamps.pins=1:17,2:22\nbackoffice.enrolment-code=SECRET2\nprinter.port=/dev/ttyUSB1\n";

        String diff = KioskProperties.difference(before, after);

        assertEquals("backoffice.enrolment-code changed; lamps.pins: 1:17,2:27 -> 1:17,2:22; printer.baud removed; "
                + "printer.port added (/dev/ttyUSB1)", diff);
    }

    @Test
    void theUnitRunsTheKioskInCageAsItsOwnUserWithAWatchdog() {
        String unit = UnitFile.render();

        for (String line : new String[] {"User=lobby-kiosk", "Type=simple", "Restart=always", "RestartSec=2",
            "WatchdogSec=60", "NotifyAccess=all", "WorkingDirectory=/var/lib/lobby-kiosk", "Environment=GDK_BACKEND=x11",
            "ExecStart=/usr/bin/cage -- /opt/lobby-kiosk/current/bin/lobby-kiosk --config /etc/lobby-kiosk/kiosk.properties",
            "WantedBy=multi-user.target"}) {
            assertTrue(unit.contains("\n" + line + "\n"), line + " in:\n" + unit);
        }
    }
}
