package lobby.scanner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lobby.device.DeviceException;
import lobby.serial.SerialLink;

/** A serial link whose incoming bytes the test queues; a queued failure makes the next read fail like an unplug. */
final class ScriptedLink implements SerialLink {
    private static final byte[] FAIL = new byte[0];
    private static final byte[] BUG = new byte[0];

    private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    ScriptedLink send(byte[] bytes) {
        incoming.add(bytes);
        return this;
    }

    ScriptedLink send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    ScriptedLink failNextRead() {
        incoming.add(FAIL);
        return this;
    }

    /** The next read throws what no link should: a bug, which the scanner must survive all the same. */
    ScriptedLink breakNextRead() {
        incoming.add(BUG);
        return this;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void write(byte[] bytes) {
        throw new UnsupportedOperationException("a scanner link is only read");
    }

    @Override
    public byte[] read(int max, Duration timeout) {
        if (closed) {
            throw new IllegalStateException("read on a closed link");
        }
        try {
            byte[] next = incoming.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (next == BUG) {
                throw new IllegalStateException("bug in the link");
            }
            if (next == FAIL) {
                throw new DeviceException("port /dev/ttyTEST: cannot read (device unplugged?)");
            }
            if (next != null && next.length > max) {
                throw new AssertionError("the test queued " + next.length + " bytes, more than a read takes (" + max + ")");
            }
            return next == null ? new byte[0] : next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
