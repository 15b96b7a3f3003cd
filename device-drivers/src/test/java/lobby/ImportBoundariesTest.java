package lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each native or vendor library stays behind its adapter: jssc and Pi4J behind one class each,
 * ZXing behind its encoder (QR pictures for tickets) and its decoder (the camera scanner).
 */
class ImportBoundariesTest {
    private static final Path MAIN = Path.of("src/main/java");

    @ParameterizedTest
    @CsvSource({
            "import jssc.,             lobby/serial/JsscSerialLink.java",
            "import com.pi4j.,         lobby/lamp/Pi4jCallLamps.java",
            "import com.google.zxing., lobby/qr/QrImages.java lobby/scanner/QrFrameDecoder.java"})
    void onlyTheAdaptersImport(String prefix, String adapters) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> importing = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).lines().anyMatch(l -> l.startsWith(prefix)))
                    .map(f -> MAIN.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            assertEquals(List.of(adapters.split(" ")), importing);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
