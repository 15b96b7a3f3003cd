package lobby.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RasterTest {
    @Test
    void rasterImageIsGsV0WithRowsPaddedToWholeBytes() {
        boolean[][] dots = {
            {true, false, false, false, false, false, false, true, true, false},
            {false, true, false, false, false, false, false, false, false, true},
        };
        byte[] bytes = new EscPosEncoder().raster(dots).bytes();
        assertArrayEquals(new byte[] {0x1D, 'v', '0', 0, 2, 0, 2, 0,
            (byte) 0x81, (byte) 0x80, 0x40, 0x40}, bytes);
    }

    @Test
    void emptyImageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EscPosEncoder().raster(new boolean[0][0]));
    }

    @Test
    void decoderStepsOverAnImageAndKeepsReadingTheText() {
        byte[] job = new EscPosEncoder().initialise().raster(new boolean[][] {{true}, {true}, {false}})
                .line("after the image").partialCut().bytes();
        DecodedTicket decoded = EscPosDecoder.decode(job);
        assertEquals(List.of(), decoded.problems());
        assertEquals("after the image", decoded.text());
        assertTrue(decoded.preview().contains("8x3 dots"), decoded.preview());
    }

    @Test
    void rasterTicketCarriesTheSameTextButFarMoreBytes() {
        TicketLayout t = Tickets.typical();
        byte[] raster = RasterTicket.encode(t);
        DecodedTicket decoded = EscPosDecoder.decode(raster);
        assertEquals(List.of(), decoded.problems());
        assertTrue(decoded.text().contains(t.lines().get(0)), decoded.text());
        assertTrue(raster.length > 10 * StandardTicket.encode(t).length,
                "raster " + raster.length + " vs standard " + StandardTicket.encode(t).length);
    }
}
