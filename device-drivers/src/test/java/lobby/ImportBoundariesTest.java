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

/** Each native or vendor library stays behind exactly one adapter class. */
class ImportBoundariesTest {
    private static final Path MAIN = Path.of("src/main/java");

    @ParameterizedTest
    @CsvSource({
            "import jssc.,             lobby/printer/JsscSerialLink.java",
            "import com.pi4j.,         lobby/lamp/Pi4jCallLamps.java",
            "import com.google.zxing., lobby/qr/QrImages.java"})
    void onlyTheAdapterImports(String prefix, String adapter) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> importing = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).lines().anyMatch(l -> l.startsWith(prefix)))
                    .map(f -> MAIN.relativize(f).toString().replace('\\', '/'))
                    .toList();
            assertEquals(List.of(adapter), importing);
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
