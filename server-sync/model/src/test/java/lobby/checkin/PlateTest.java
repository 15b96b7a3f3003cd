package lobby.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlateTest {

    static List<Arguments> cases() throws IOException {
        try (InputStream in = PlateTest.class.getResourceAsStream("/plates.txt")) {
            assertNotNull(in, "plates.txt on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && l.contains("|"))
                    .map(l -> l.split("\\|", -1))
                    .map(p -> Arguments.of(p[0].strip(), p[1].strip()))
                    .toList();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void platesAreJudgedAsGa36Says(String plate, String expected) {
        Plate.Parsed parsed = Plate.parse(plate);
        String got = parsed.valid() ? "OK" : parsed.problem().name();
        assertEquals(expected, got, "plate '" + plate + "'");
    }

    @Test
    void typedPlateIsNormalised() {
        assertEquals("粤B12345", Plate.parse(" 粤b·123 45 ").plate().text());
    }

    @Test
    void letterODigitZeroConfusionSharesAMatchKey() {
        assertEquals(Plate.matchKey("粤B1O345"), Plate.matchKey("粤B10345"));
        assertEquals(Plate.matchKey("粤BI2345"), Plate.matchKey("粤B12345"));
    }

    @Test
    void lobbySeesOnlyAMaskedPlateAndName() {
        assertEquals("粤B·***45", Plate.parse("粤B12345").plate().masked());
        assertEquals("粤B·****45", Plate.parse("粤BD12345").plate().masked());
        assertEquals("张*", Masking.name("张伟"));
        assertEquals("王**", Masking.name("王小明"));
        assertEquals("欧阳*", Masking.name("欧阳修"));
        assertEquals("S.", Masking.name("Anna Smith"));
    }
}
