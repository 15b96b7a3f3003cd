package lobby.printer;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import lobby.device.DeviceException;
import lobby.serial.SerialLink;

/**
 * A link that records what is written and answers DLE EOT n from queued rounds of four status
 * bytes (the last round repeats). It never waits: "no reply" is an empty read at once.
 */
final class RecordingLink implements SerialLink {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Deque<int[]> rounds = new ArrayDeque<>();
    private final Deque<Byte> replies = new ArrayDeque<>();
    private int[] round = {0x12, 0x12, 0x12, 0x12};
    boolean silent;
    boolean closed;
    /** Writes longer than this fail as if the cable were pulled. */
    int failWritesLongerThan = Integer.MAX_VALUE;

    /** Each call is the answer to one status check (DLE EOT 1-4). */
    RecordingLink thenStatus(int n1, int n2, int n3, int n4) {
        rounds.add(new int[] {n1, n2, n3, n4});
        return this;
    }

    @Override
    public void write(byte[] bytes) {
        if (closed) {
            throw new IllegalStateException("write on a closed link");
        }
        if (bytes.length > failWritesLongerThan) {
            throw new DeviceException("port /dev/ttyTEST: write failed after 0 of " + bytes.length + " bytes (device unplugged?)");
        }
        written.writeBytes(bytes);
        if (bytes.length == 3 && bytes[0] == 0x10 && bytes[1] == 0x04 && !silent) {
            int n = bytes[2];
            if (n == 1 && !rounds.isEmpty()) {
                round = rounds.size() > 1 ? rounds.poll() : rounds.peek();
            }
            replies.add((byte) round[n - 1]);
        }
    }

    @Override
    public byte[] read(int max, Duration timeout) {
        if (closed) {
            throw new IllegalStateException("read on a closed link");
        }
        return replies.isEmpty() ? new byte[0] : new byte[] {replies.poll()};
    }

    @Override
    public void close() {
        closed = true;
    }
}
