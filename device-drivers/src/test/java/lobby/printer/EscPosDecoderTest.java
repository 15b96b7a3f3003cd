package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import lobby.printer.DecodedTicket.Line;
import lobby.printer.EscPosEncoder.Align;
import lobby.printer.EscPosEncoder.Font;
import org.junit.jupiter.api.Test;

class EscPosDecoderTest {
    @Test
    void standardTicketRoundTrips() {
        TicketLayout layout = Tickets.typical();
        DecodedTicket ticket = EscPosDecoder.decode(StandardTicket.encode(layout));

        assertEquals(List.of(), ticket.problems());
        assertEquals(new Line("上海浦东汽车服务中心", Align.CENTRE, true, 1, 1, Font.A), ticket.lines().get(0));
        assertEquals(new Line("A012", Align.CENTRE, false, 4, 4, Font.A), ticket.lines().get(1));
        for (String body : layout.lines()) {
            assertEquals(new Line(body, Align.LEFT, false, 1, 1, Font.A), ticket.lineContaining(body).orElseThrow());
        }
        for (String footer : layout.footer()) {
            assertEquals(new Line(footer, Align.CENTRE, false, 1, 1, Font.B), ticket.lineContaining(footer).orElseThrow());
        }
        assertEquals(List.of(Tickets.STATUS_LINK), ticket.qrCodes());
        assertEquals(1, ticket.cuts());
        assertTrue(ticket.text().startsWith("上海浦东汽车服务中心\nA012\n服务: 常规保养"), ticket.text());
        assertTrue(ticket.text().endsWith("Please watch the call lamp"), ticket.text());
    }

    @Test
    void previewCentresAndShowsCodesAndCut() {
        String preview = EscPosDecoder.decode(StandardTicket.encode(Tickets.typical())).preview();
        // 10 Chinese characters take 20 of 32 columns: 6 spaces before; "A012" at 4x takes 16: 8 spaces.
        assertTrue(preview.startsWith("      上海浦东汽车服务中心\n        A012\n"), preview);
        assertTrue(preview.contains("[QR " + Tickets.STATUS_LINK + "]\n"), preview);
        assertTrue(preview.endsWith("cut\n"), preview);
    }

    @Test
    void startsInChineseModeLikeThePrinters() {
        DecodedTicket ticket = EscPosDecoder.decode(Hex.bytes("B9 CB CE CA 0A"));
        assertEquals("顾问", ticket.text());
        assertEquals(List.of(), ticket.problems());
    }

    @Test
    void highBytesOutsideChineseModeAreReported() {
        DecodedTicket ticket = EscPosDecoder.decode(Hex.bytes("1C 2E 41 B9 0A"));
        assertEquals(1, ticket.problems().size(), ticket.problems().toString());
        assertTrue(ticket.text().startsWith("A"));
    }

    @Test
    void malformedGb18030IsReported() {
        DecodedTicket ticket = EscPosDecoder.decode(Hex.bytes("1C 26 41 81 0A"));
        assertEquals(List.of("offset 2: malformed GB18030 text"), ticket.problems());
    }

    @Test
    void unknownBytesAreReportedAndSkipped() {
        // BEL, 'A', ESC z, 'B', GS 0x99, LF
        DecodedTicket ticket = EscPosDecoder.decode(Hex.bytes("07 41 1B 7A 42 1D 99 0A"));
        assertEquals("AB", ticket.text());
        assertEquals(List.of("offset 0: unknown control byte 0x07", "offset 2: unknown command ESC 0x7A",
                "offset 5: unknown command GS 0x99"), ticket.problems());
    }

    @Test
    void truncatedCommandsAreReported() {
        assertEquals(List.of("offset 1: truncated ESC a: 2 of 3 bytes"),
                EscPosDecoder.decode(Hex.bytes("41 1B 61")).problems());
        assertEquals(List.of("offset 0: truncated GS ( k: 7 of 21 bytes"),
                EscPosDecoder.decode(Hex.bytes("1D 28 6B 10 00 31 50")).problems());
        assertEquals(1, EscPosDecoder.decode(Hex.bytes("1B")).problems().size());
    }

    @Test
    void knownCommandsItDoesNotUseAreSkippedByTheirLength() {
        // ESC t 0 (code page), ESC 2 (line spacing), GS H 2 (HRI), ESC ! 0x38 (bold, double height and width)
        DecodedTicket ticket = EscPosDecoder.decode(Hex.bytes("1B 74 00 1B 32 1D 48 02 1B 21 38 41 0A"));
        assertEquals(List.of(), ticket.problems());
        assertEquals(new Line("A", Align.LEFT, true, 2, 2, Font.A), ticket.lines().get(0));
    }

    @Test
    void statusRequestsAreCounted() {
        assertEquals(List.of(1, 4), EscPosDecoder.decode(Hex.bytes("10 04 01 10 04 04")).statusRequests());
    }

    @Test
    void qrCountsOnlyWhenPrinted() {
        byte[] stored = Hex.bytes("1D 28 6B 05 00 31 50 30 61 62");
        assertEquals(List.of(), EscPosDecoder.decode(stored).qrCodes());
        assertEquals(List.of("offset 0: QR print (fn 81) with no data stored"),
                EscPosDecoder.decode(Hex.bytes("1D 28 6B 03 00 31 51 30")).problems());
        assertEquals(List.of("号A"), EscPosDecoder.decode(new EscPosEncoder().qr("号A", 4).bytes()).qrCodes());
    }

    @Test
    void code128RoundTrips() {
        DecodedTicket ticket = EscPosDecoder.decode(new EscPosEncoder().code128("A{B{{1}").partialCut().bytes());
        assertEquals(List.of("A{B{{1}"), ticket.barcodes());
        assertEquals(1, ticket.cuts());
    }

    @Test
    void feedAndCutPrintPendingText() {
        DecodedTicket ticket = EscPosDecoder.decode(new EscPosEncoder().text("x").feed(2).text("y").partialCut().bytes());
        assertEquals(List.of("x", "", "y"), ticket.lines().stream().map(Line::text).toList());
    }

    @Test
    void neverThrowsOnNoise() {
        Random random = new Random(20261122);
        for (int i = 0; i < 2000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            assertDoesNotThrow(() -> EscPosDecoder.decode(noise), () -> Hex.of(noise));
        }
    }
}
