package lobby.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineSplitterTest {
    private final LineSplitter splitter = new LineSplitter();
    private final List<String> events = new ArrayList<>();
    private final LineSplitter.Sink sink = new LineSplitter.Sink() {
        @Override
        public void line(String text) {
            events.add("line " + text);
        }

        @Override
        public void rejected(String reason) {
            events.add("rejected " + reason);
        }
    };

    private void feed(String text) {
        splitter.feed(text.getBytes(StandardCharsets.UTF_8), sink);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n"})
    void everyCommonSuffixEndsALine(String suffix) {
        feed(Frames.APPOINTMENT + suffix + "A012" + suffix);
        assertEquals(List.of("line " + Frames.APPOINTMENT, "line A012"), events);
    }

    @Test
    void bytesSplitAnywhereEvenInsideAChineseCharacterMakeOneLine() {
        byte[] bytes = (Frames.CHINESE + "\r\n").getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            splitter.feed(new byte[] {b}, sink);
        }
        assertEquals(List.of("line " + Frames.CHINESE), events);
    }

    @Test
    void aLineWithoutSuffixWaitsForTheNextBytesOrTheEnd() {
        feed("A01");
        assertEquals(List.of(), events);
        feed("2");
        splitter.finish(sink);
        assertEquals(List.of("line A012"), events);
    }

    @Test
    void invalidUtf8IsRejectedNamingTheByteAndTheNextLineIsRead() {
        ByteArrayOutputStream garbage = new ByteArrayOutputStream();
        garbage.writeBytes("LKA1".getBytes(StandardCharsets.US_ASCII));
        garbage.write(0xC3); // a lead byte followed by ASCII, as a scanner in a Latin-1 code page sends "Ã("
        garbage.write('(');
        garbage.write('\r');
        splitter.feed(garbage.toByteArray(), sink);
        feed("A012\r");

        assertEquals(List.of("rejected not UTF-8 at byte 5 of 6 (0xC3; scanner set to another code page?)",
                "line A012"), events);
    }

    @Test
    void aTruncatedCharacterAtTheEndOfTheLineIsRejected() {
        byte[] chinese = "号".getBytes(StandardCharsets.UTF_8);
        splitter.feed(new byte[] {'A', chinese[0], chinese[1], '\n'}, sink);
        assertEquals(1, events.size());
        assertTrue(events.get(0).startsWith("rejected not UTF-8 at byte 2 of 3"), events.toString());
    }

    @Test
    void anOverlongLineIsSkippedToItsEndWithoutGrowingAndReportedOnce() {
        byte[] chunk = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 100; i++) {
            splitter.feed(chunk, sink); // 100 000 bytes without a line end
        }
        assertEquals(List.of(), events);
        feed("\rA012\r");
        assertEquals(List.of("rejected 100000 bytes, longer than 1024", "line A012"), events);
    }

    @Test
    void exactlyTheLimitIsStillALine() {
        String longest = "y".repeat(LineSplitter.MAX_LINE_BYTES);
        feed(longest + "\n" + longest + "z\n");
        assertEquals(List.of("line " + longest, "rejected 1025 bytes, longer than 1024"), events);
    }

    @Test
    void resetForgetsAHalfLine() {
        feed("half a co");
        splitter.reset();
        feed("A012\n");
        assertEquals(List.of("line A012"), events);
    }

    @Test
    void controlBytesPassHereAndAreLeftToTheDispatch() {
        // The splitter only knows bytes and UTF-8; control characters are refused for every scanner in one place.
        feed("A\u0007B\n");
        assertEquals(List.of("line A\u0007B"), events);
    }
}
