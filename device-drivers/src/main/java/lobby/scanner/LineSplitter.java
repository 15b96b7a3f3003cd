package lobby.scanner;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a scanner's byte stream into lines ended by CR, LF or CRLF (scanners send one of them as
 * their suffix) and decodes each as strict UTF-8. The buffer never grows: a line longer than
 * {@link #MAX_LINE_BYTES} is skipped to its end and reported once, as is a line that is not UTF-8.
 * Bytes may arrive split anywhere, even inside a multi-byte character. Not thread-safe: one per reader.
 */
final class LineSplitter {
    static final int MAX_LINE_BYTES = ScanDispatch.MAX_TEXT_BYTES;

    /** Where lines and rejections go, in the order they were read. */
    interface Sink {
        void line(String text);

        void rejected(String reason);
    }

    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int length;
    /** Bytes of the current line beyond the buffer; counted, not kept. */
    private long overflow;

    void feed(byte[] bytes, int count, Sink sink) {
        for (int i = 0; i < count; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                endLine(sink);
            } else if (length < MAX_LINE_BYTES) {
                line[length++] = b;
            } else {
                overflow++;
            }
        }
    }

    void feed(byte[] bytes, Sink sink) {
        feed(bytes, bytes.length, sink);
    }

    /** At the end of the stream a last line without its suffix still counts ({@code printf CODE > pipe}). */
    void finish(Sink sink) {
        endLine(sink);
    }

    /** Forgets a half-read line, e.g. after the port was reopened. */
    void reset() {
        length = 0;
        overflow = 0;
    }

    private void endLine(Sink sink) {
        try {
            if (overflow > 0) {
                sink.rejected((length + overflow) + " bytes, longer than " + MAX_LINE_BYTES);
            } else if (length > 0) {
                decode(sink);
            }
        } finally {
            reset();
        }
    }

    private void decode(Sink sink) {
        ByteBuffer in = ByteBuffer.wrap(line, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            sink.rejected(String.format("not UTF-8 at byte %d of %d (0x%02X; scanner set to another code page?)",
                    in.position() + 1, length, line[in.position()] & 0xFF));
            return;
        }
        sink.line(out.flip().toString());
    }
}
