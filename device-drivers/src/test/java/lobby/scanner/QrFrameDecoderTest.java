package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Codes drawn by QrImages (the encoder the tickets use), placed in a camera-sized frame, read back. */
class QrFrameDecoderTest {
    private final QrFrameDecoder decoder = new QrFrameDecoder();

    @ParameterizedTest
    @ValueSource(strings = {Frames.APPOINTMENT, Frames.CHINESE, "A012", "https://lobby.example.cn/s/7Q2K9XRM",
        "ÄÖÜ äöü € – “quoted”", "混合 text 与 数字 2026-11-22"})
    void aCodeInACameraFrameReadsBackAsTheSameText(String text) {
        Frame frame = Frames.of(Frames.scene(Frames.code(text, 220), text.hashCode()));
        assertEquals(Optional.of(text), decoder.decode(frame));
    }

    @Test
    void aFrameWithoutACodeIsAnEmptyResult() {
        assertEquals(Optional.empty(), decoder.decode(Frames.of(Frames.scene(null, 1))));
    }

    @Test
    void blackWhiteAndNoiseAreEmptyResultsToo() {
        byte[] noise = new byte[Frames.WIDTH * Frames.HEIGHT];
        new Random(9).nextBytes(noise);
        assertEquals(Optional.empty(), decoder.decode(new Frame(Frames.WIDTH, Frames.HEIGHT, noise)));
        assertEquals(Optional.empty(), decoder.decode(new Frame(Frames.WIDTH, Frames.HEIGHT,
                new byte[Frames.WIDTH * Frames.HEIGHT])));
        assertEquals(Optional.empty(), decoder.decode(new Frame(4, 2, new byte[8])));
    }

    @Test
    void aWholeYuv420FrameIsReadFromItsLuminancePlane() {
        Frame picture = Frames.of(Frames.scene(Frames.code(Frames.APPOINTMENT, 220), 3));
        byte[] yuv = Frames.yuv420(picture);
        assertEquals(Optional.of(Frames.APPOINTMENT), decoder.decode(new Frame(picture.width(), picture.height(), yuv)));
    }

    @Test
    void oneDecoderReadsFrameAfterFrame() {
        Frame with = Frames.of(Frames.scene(Frames.code(Frames.CHINESE, 220), 4));
        Frame without = Frames.of(Frames.scene(null, 4));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of(Frames.CHINESE), decoder.decode(with));
            assertEquals(Optional.empty(), decoder.decode(without));
        }
    }
}
