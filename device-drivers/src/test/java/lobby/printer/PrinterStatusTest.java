package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lobby.device.DeviceHealth.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrinterStatusTest {
    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4} {5}")
    @CsvFileSource(resources = "/printer/status-replies.csv")
    void readsTheFourReplies(String n1, String n2, String n3, String n4, State state, String detail) {
        PrinterStatus status = PrinterStatus.of(new int[] {hex(n1), hex(n2), hex(n3), hex(n4)});
        assertEquals(state, status.state());
        assertEquals(detail == null ? "" : detail, status.detail());
        assertEquals(state == State.OFFLINE, status.blocksPrinting());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x12, 0x16, 0x1A, 0x1E, 0x32, 0x52, 0x72, 0x7E})
    void statusBytesHaveTheirFixedBits(int reply) {
        assertTrue(PrinterStatus.wellFormed(reply));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0xFF, 0x10, 0x02, 0x13, 0x92, 0x80, 0x41})
    void otherBytesAreNotStatus(int reply) {
        assertFalse(PrinterStatus.wellFormed(reply));
    }

    @Test
    void toStringShowsTheRawBytes() {
        assertEquals("status 0x12 0x12 0x12 0x1E (paper near end)", new PrinterStatus(0x12, 0x12, 0x12, 0x1E).toString());
        assertEquals("status 0x12 0x12 0x12 0x12 (ready)", PrinterStatus.READY.toString());
    }

    private static int hex(String value) {
        return Integer.parseInt(value, 16);
    }
}
