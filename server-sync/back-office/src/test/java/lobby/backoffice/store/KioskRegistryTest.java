package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskRegistryTest {
    @TempDir
    Path dir;
    private KioskRegistry kiosks;

    @BeforeEach
    void open() {
        ServerStore store = ServerStore.open(dir.resolve("backoffice.db"),
                Clock.fixed(TestData.MORNING, ZoneId.of("Asia/Shanghai")));
        TestData.saveSite(store);
        kiosks = store.kiosks();
    }

    @Test
    void aCodeIsSpentOnceOnItsKioskAndTheTokenFindsTheKiosk() {
        assertInstanceOf(Result.Ok.class, kiosks.addEnrolmentCode(TestData.SITE, "k1", "CODE-1", Duration.ofHours(24)));
        assertInstanceOf(Result.Refused.class, kiosks.enrol("CODE-1", "k2", "token-2"));
        assertEquals(new Result.Ok<>(new KioskRegistry.Kiosk("k1", TestData.SITE)), kiosks.enrol("CODE-1", "k1", "token-1"));
        assertInstanceOf(Result.Refused.class, kiosks.enrol("CODE-1", "k1", "token-3"));
        assertEquals(Optional.of(new KioskRegistry.Kiosk("k1", TestData.SITE)), kiosks.byToken("token-1"));
        assertEquals(Optional.empty(), kiosks.byToken("token-2"));
    }

    @Test
    void anExpiredCodeAndAnUnknownSiteAreRefused() {
        kiosks.addEnrolmentCode(TestData.SITE, "k1", "OLD", Duration.ZERO);
        assertInstanceOf(Result.Refused.class, kiosks.enrol("OLD", "k1", "t"));
        Result<?> unknown = kiosks.addEnrolmentCode("nowhere", "k1", "C", Duration.ofHours(1));
        assertEquals(Result.Why.NOT_FOUND, ((Result.Refused<?>) unknown).why());
    }

    @Test
    void aNewTokenReplacesTheOldAndRevokingEndsIt() {
        kiosks.saveToken(TestData.SITE, "k1", "first");
        kiosks.saveToken(TestData.SITE, "k1", "second");
        assertEquals(Optional.empty(), kiosks.byToken("first"));
        assertTrue(kiosks.revoke("k1"));
        assertEquals(Optional.empty(), kiosks.byToken("second"));
        assertFalse(kiosks.revoke("k9"));
        KioskRegistry.Status s = kiosks.list(TestData.SITE).orElseThrow().get(0);
        assertFalse(s.tokenActive());
        assertEquals(List.of(), s.devices());
    }
}
