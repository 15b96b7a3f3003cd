package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import lobby.printer.EscPosEncoder.Align;
import lobby.printer.EscPosEncoder.Font;
import org.junit.jupiter.api.Test;

class EscPosEncoderTest {
    private static void assertBytes(String expected, EscPosEncoder job) {
        assertEquals(Hex.of(Hex.bytes(expected)), Hex.of(job.bytes()));
    }

    private static EscPosEncoder job() {
        return new EscPosEncoder();
    }

    @Test
    void styleCommands() {
        assertBytes("1B 40", job().initialise());
        assertBytes("1B 61 00 1B 61 01 1B 61 02", job().align(Align.LEFT).align(Align.CENTRE).align(Align.RIGHT));
        assertBytes("1B 45 01 1B 45 00", job().bold(true).bold(false));
        assertBytes("1B 4D 01 1B 4D 00", job().font(Font.B).font(Font.A));
        assertBytes("1D 21 33 1D 21 10 1D 21 00 1D 21 77", job().size(4, 4).size(2, 1).size(1, 1).size(8, 8));
        assertThrows(IllegalArgumentException.class, () -> job().size(9, 1));
        assertThrows(IllegalArgumentException.class, () -> job().size(1, 0));
    }

    @Test
    void feedsAndCut() {
        assertBytes("0A 1B 64 03 1B 64 00", job().feed().feed(3).feed(0));
        assertBytes("1D 56 42 00", job().partialCut());
        assertThrows(IllegalArgumentException.class, () -> job().feed(256));
        assertEquals("10 04 04", Hex.of(EscPosEncoder.statusRequest(4)));
    }

    @Test
    void asciiTextCancelsChineseModeFirst() {
        assertBytes("1C 2E 41 30 31 32", job().text("A012"));
    }

    @Test
    void chineseTextGoesInGb18030AfterChineseMode() {
        assertBytes("1C 26 B9 CB CE CA 3A 4C 69 0A", job().line("顾问:Li"));
    }

    @Test
    void modeIsSwitchedOnlyWhenItChanges() {
        assertBytes("1C 2E 41 42 1C 26 D6 D0 1C 2E 43", job().text("A").text("B").text("中").text("C"));
    }

    @Test
    void initialiseForgetsTheMode() {
        // After ESC @ the printer is back in its power-up mode, which may be Chinese.
        assertBytes("1C 2E 41 1B 40 1C 2E 42", job().text("A").initialise().text("B"));
    }

    @Test
    void controlCharactersInDataCannotBecomeCommands() {
        assertBytes("1C 2E 41 20 40 20 42", job().text("A\u001B@\nB"));
        assertBytes("", job().text(""));
    }

    @Test
    void qrCodeWithItsFiveFunctions() {
        assertBytes("1D 28 6B 04 00 31 41 32 00"      // model 2
                + " 1D 28 6B 03 00 31 43 06"          // module size 6
                + " 1D 28 6B 03 00 31 45 31"          // error correction M
                + " 1D 28 6B 05 00 31 50 30 61 62"    // store "ab": 2 bytes + 3
                + " 1D 28 6B 03 00 31 51 30",         // print
                job().qr("ab", 6));
    }

    @Test
    void qrStoreLengthCountsUtf8BytesNotCharacters() {
        // "号A" is 2 characters but 4 bytes: pL = 4 + 3.
        assertBytes("1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 03 1D 28 6B 03 00 31 45 31"
                + " 1D 28 6B 07 00 31 50 30 E5 8F B7 41 1D 28 6B 03 00 31 51 30", job().qr("号A", 3));
    }

    @Test
    void qrStoreLengthUsesTheHighByte() {
        byte[] bytes = job().qr("x".repeat(300), 6).bytes();
        // 303 = 0x012F, after model (9 bytes), size (8) and error correction (8).
        assertEquals("1D 28 6B 2F 01 31 50 30", Hex.of(Arrays.copyOfRange(bytes, 25, 33)));
        assertThrows(IllegalArgumentException.class, () -> job().qr("", 6));
        assertThrows(IllegalArgumentException.class, () -> job().qr("x".repeat(EscPosEncoder.QR_MAX_BYTES + 1), 6));
        assertThrows(IllegalArgumentException.class, () -> job().qr("x", 17));
    }

    @Test
    void code128InCodeSetBWithBracesDoubled() {
        assertBytes("1D 6B 49 07 7B 42 41 42 7B 7B 31", job().code128("AB{1"));
        assertThrows(IllegalArgumentException.class, () -> job().code128("中"));
        assertThrows(IllegalArgumentException.class, () -> job().code128(""));
    }

    @Test
    void smallStandardTicket() {
        TicketLayout ticket = new TicketLayout("店", "A1", List.of("Li"), "u", List.of("ok"));
        assertEquals(Hex.of(Hex.bytes(""
                        + "1B 40 1B 61 01"                                  // initialise, centre
                        + " 1B 45 01 1C 26 B5 EA 0A 1B 45 00"              // header bold, Chinese
                        + " 1D 21 33 1C 2E 41 31 0A 1D 21 00"              // number 4x4, ASCII
                        + " 1B 61 00 4C 69 0A"                             // body left, still ASCII
                        + " 1B 61 01 1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 06"
                        + " 1D 28 6B 03 00 31 45 31 1D 28 6B 04 00 31 50 30 75 1D 28 6B 03 00 31 51 30 0A"
                        + " 1B 4D 01 6F 6B 0A 1B 4D 00"                    // footer in the small font
                        + " 1B 64 03 1D 56 42 00")),                       // feed 3, partial cut
                Hex.of(StandardTicket.encode(ticket)));
    }

    @Test
    void ticketWithoutQrOrFooterLeavesThemOut() {
        TicketLayout ticket = new TicketLayout("H", "1", List.of(), null, List.of());
        assertEquals(Hex.of(Hex.bytes("1B 40 1B 61 01 1B 45 01 1C 2E 48 0A 1B 45 00 1D 21 33 31 0A 1D 21 00"
                        + " 1B 61 00 1B 64 03 1D 56 42 00")),
                Hex.of(StandardTicket.encode(ticket)));
    }

    @Test
    void typicalTicketStaysSmall() {
        int size = StandardTicket.encode(Tickets.typical()).length;
        assertTrue(size < 400, "typical ticket is " + size + " bytes");
    }
}
