package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Black-box, like ZXing's own tests: every picture in scanner/images is decoded and compared
 * with the text in the .txt file beside it; an empty .txt means "no code in this picture".
 * The pictures come from {@link TestImages}; add a real camera frame the same way.
 */
class DecodeImagesTest {
    static Stream<String> pictures() throws IOException, URISyntaxException {
        Path folder = folder();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - ".png".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pictures")
    void decodesToTheTextBesideIt(String name) throws IOException, URISyntaxException {
        Path txt = folder().resolve(name + ".txt");
        assertTrue(Files.exists(txt), name + ".png has no " + name + ".txt beside it");
        String expected = Files.readString(txt, StandardCharsets.UTF_8);
        if (expected.endsWith("\n")) {
            expected = expected.substring(0, expected.length() - 1); // an editor's final newline
        }

        Optional<String> read = new QrFrameDecoder().decode(Frames.of(Frames.read(folder().resolve(name + ".png"))));

        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), read, name);
    }

    @Test
    void theFolderCoversCodesAndNoCodes() throws IOException, URISyntaxException {
        List<String> names = pictures().toList();
        assertTrue(names.size() >= 10, "pictures: " + names);
        assertTrue(names.stream().anyMatch(n -> n.startsWith("no-code")), "pictures: " + names);
        for (String needed : List.of("rotated", "noisy", "low-contrast", "small", "chinese")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(needed)), "no " + needed + " picture in " + names);
        }
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(DecodeImagesTest.class.getResource("/scanner/images").toURI());
    }
}
