package lobby.backoffice.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
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
}
