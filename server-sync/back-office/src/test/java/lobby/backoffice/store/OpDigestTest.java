package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import lobby.sync.HybridClock;
import lobby.sync.KioskOp;
import org.junit.jupiter.api.Test;

class OpDigestTest {
    @Test
    void equalOpsHaveEqualDigestsAndAnyChangedFieldChangesIt() {
        KioskOp op = TestData.op("k1", 1);
        KioskOp same = TestData.op("k1", 1);
        KioskOp otherPlate = KioskOp.checkIn(op.opId(), "k1", 1, TestData.ticket(op.ticket().id(), "k1",
                op.ticket().number(), "adv-a", "粤A12346", op.ticket().issuedAt()));

        assertEquals(64, OpDigest.sha256(op).length());
        assertEquals(OpDigest.sha256(op), OpDigest.sha256(same));
        assertNotEquals(OpDigest.sha256(op), OpDigest.sha256(otherPlate));
    }

    @Test
    void theCanonicalFormSortsKeysAndWritesInstantsAsIsoText() {
        KioskOp op = KioskOp.checkIn("o", "k", 1, TestData.ticket("t", "k", "B001", null, null,
                Instant.parse("2025-03-14T01:00:00.000Z")));
        String json = OpDigest.canonicalJson(op);

        assertEquals(0, json.indexOf("{\"at\""), json);
        assertEquals(true, json.contains("\"issuedAt\":\"2025-03-14T01:00:00Z\""), json);
        assertEquals(true, json.indexOf("\"opId\"") < json.indexOf("\"seq\""), json);
    }

    /** Ops stored before kiosks sent clock stamps must keep their digests, or every retry would be a conflict. */
    @Test
    void theClockFieldsCountOnlyWhenTheyHoldSomething() throws Exception {
        KioskOp old = TestData.op("k1", 1);
        KioskOp stamped = KioskOp.checkIn(old.opId(), "k1", 1, old.ticket(), new HybridClock.Stamp(1, 2), false);
        com.fasterxml.jackson.databind.ObjectMapper plain = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

        String json = OpDigest.canonicalJson(old);
        assertFalse(json.contains("hlc") || json.contains("clockSynced"), json);
        assertEquals(plain.writeValueAsString(old).replace(",\"clockSynced\":true", "").replace(",\"hlc\":null", ""),
                json, "the form of ops before the clock fields");
        assertEquals(plain.writeValueAsString(stamped), OpDigest.canonicalJson(stamped));
        assertTrue(OpDigest.canonicalJson(stamped).contains("\"hlc\":\"0000000000000001.0002\""));
        assertNotEquals(OpDigest.sha256(old), OpDigest.sha256(stamped));
    }
}
