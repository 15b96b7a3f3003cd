package lobby.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An ESC/POS printer on the far end of a {@link PtyPair}. It reads the pty as a plain file (not
 * through jssc, so the kiosk's serial code is tested against something independent of it),
 * answers DLE EOT n with the status bytes of its {@link Condition}, and decodes each job up to
 * the cut with {@link EscPosDecoder}.
 */
public final class FakePrinter implements AutoCloseable {
    /** Status replies to DLE EOT 1, 2, 3 and 4, with the ESC/POS reference's bit meanings. */
    public enum Condition {
        READY(0x12, 0x12, 0x12, 0x12),
        /** n=4 bits 2,3: roll near its end; still prints. */
        PAPER_NEAR_END(0x12, 0x12, 0x12, 0x1E),
        /** n=1 bit 3 offline; n=2 bit 5 stopped by paper end; n=4 bits 2,3,5,6. */
        PAPER_OUT(0x1A, 0x32, 0x12, 0x7E),
        /** n=1 bit 3 offline; n=2 bit 2 cover open. */
        COVER_OPEN(0x1A, 0x16, 0x12, 0x12),
        /** n=1 bit 3 offline; n=2 bit 6 error; n=3 bit 3 cutter. */
        CUTTER_ERROR(0x1A, 0x52, 0x1A, 0x12),
        /** Does not answer at all, like a printer that is switched off. */
        SILENT();

        private final int[] replies;

        Condition(int... replies) {
            this.replies = replies;
        }
    }

    private static final int DLE = 0x10;
    private static final int EOT = 0x04;

    private final PtyPair pty;
    private final RandomAccessFile port;
    private final BlockingQueue<DecodedTicket> tickets = new LinkedBlockingQueue<>();
    private final List<Integer> statusRequests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream job = new ByteArrayOutputStream();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final CountDownLatch vanished = new CountDownLatch(1);
    private volatile Condition condition = Condition.READY;
    private volatile boolean vanishOnNextJob;
    private volatile boolean closed;
    private int pendingPrefix; // bytes of "DLE EOT" seen so far, possibly split across reads

    private FakePrinter(PtyPair pty) throws IOException {
        this.pty = pty;
        this.port = new RandomAccessFile(pty.printerPath().toFile(), "rw");
        Thread reader = new Thread(this::readLoop, "fake printer " + pty.printerPath());
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the printer end of the pair and starts answering. */
    public static FakePrinter attach(PtyPair pty) throws IOException {
        return new FakePrinter(pty);
    }

    public void condition(Condition condition) {
        this.condition = condition;
    }

    /** The next job's first bytes make the printer vanish: socat is stopped, both ptys hang up. */
    public void vanishOnNextJob() {
        vanishOnNextJob = true;
    }

    /**
     * Waits until a vanish has finished: socat has exited and removed its links, so a new pair
     * can take the same paths without the old socat deleting them on its way out.
     */
    public void awaitVanished(Duration timeout) {
        try {
            if (!vanished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("printer at " + pty.printerPath() + " did not vanish within "
                        + timeout.toMillis() + " ms; " + bytesReceived + " bytes received");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the printer to vanish", e);
        }
    }

    /** The next ticket printed, decoded; fails the test when none comes within the timeout. */
    public DecodedTicket awaitTicket(Duration timeout) {
        try {
            DecodedTicket ticket = tickets.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (ticket == null) {
                throw new AssertionError("no ticket at " + pty.printerPath() + " within " + timeout.toMillis()
                        + " ms; " + bytesReceived + " bytes received, status requests " + statusRequests
                        + ", " + job.size() + " bytes of an unfinished job");
            }
            return ticket;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a ticket", e);
        }
    }

    /** Tickets decoded and not yet taken by {@link #awaitTicket}. */
    public int ticketsWaiting() {
        return tickets.size();
    }

    /** The n of every DLE EOT n received, in order. */
    public List<Integer> statusRequests() {
        return List.copyOf(statusRequests);
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            port.close();
        } catch (IOException e) {
            // The reader thread ends when the pty hangs up.
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[1024];
        try {
            int n;
            while (!closed && (n = port.read(buffer)) > 0) {
                bytesReceived.addAndGet(n);
                for (int i = 0; i < n && !closed; i++) {
                    take(buffer[i] & 0xFF);
                }
            }
        } catch (IOException e) {
            // A hung-up pty reads as an error: the printer is gone.
        }
    }

    private void take(int b) throws IOException {
        if (pendingPrefix == 0 && b == DLE) {
            pendingPrefix = 1;
        } else if (pendingPrefix == 1 && b == EOT) {
            pendingPrefix = 2;
        } else if (pendingPrefix == 2) {
            pendingPrefix = 0;
            statusRequests.add(b);
            Condition now = condition;
            if (now != Condition.SILENT && b >= 1 && b <= 4) {
                port.write(now.replies[b - 1]);
            }
        } else {
            if (pendingPrefix == 1) {
                pendingPrefix = 0;
                jobByte(DLE);
                take(b);
                return;
            }
            jobByte(b);
        }
    }

    private void jobByte(int b) {
        if (vanishOnNextJob) {
            closed = true;
            pty.close();
            vanished.countDown();
            return;
        }
        job.write(b);
        byte[] bytes = job.toByteArray();
        int end = bytes.length;
        // A job ends with GS V 65/66 n (feed and cut).
        if (end >= 4 && bytes[end - 4] == 0x1D && bytes[end - 3] == 'V' && (bytes[end - 2] == 65 || bytes[end - 2] == 66)) {
            tickets.add(EscPosDecoder.decode(bytes));
            job.reset();
        }
    }
}
