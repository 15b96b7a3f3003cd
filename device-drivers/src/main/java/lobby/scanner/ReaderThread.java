package lobby.scanner;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread a scanner reads on. Its body loops until {@link #stopping()}; waits between
 * retries go through {@link #pause}, which {@link #stop} cuts short, so closing never waits out
 * a retry delay. A daemon, so a reader stuck in a blocking read cannot keep the kiosk alive.
 */
final class ReaderThread {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderThread.class);

    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private boolean started;

    ReaderThread(String name, Consumer<ReaderThread> body) {
        this.thread = new Thread(() -> {
            try {
                body.accept(this);
            } catch (RuntimeException | Error e) {
                LOG.error("{} stopped by a fault", name, e);
                throw e;
            }
        }, name);
        thread.setDaemon(true);
    }

    synchronized void start() {
        if (started) {
            throw new IllegalStateException(thread.getName() + " already started");
        }
        started = true;
        if (!stopping()) {
            thread.start();
        }
    }

    boolean stopping() {
        return stop.getCount() == 0;
    }

    /** Waits up to {@code delay}; false when asked to stop meanwhile (or before). */
    boolean pause(Duration delay) {
        try {
            return !stop.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the thread to stop without waiting; a blocking read still has to be woken by the caller. */
    void requestStop() {
        stop.countDown();
    }

    /** Asks the thread to stop and waits for it at most {@code deadline}; true when it ended. */
    boolean stop(Duration deadline) {
        requestStop();
        synchronized (this) {
            if (!started) {
                return true;
            }
        }
        if (Thread.currentThread() == thread) {
            return false; // closed from the scan handler: the loop ends on its own
        }
        try {
            thread.join(Math.max(1, deadline.toMillis())); // join(0) would wait forever
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("{} still blocked {} ms after the stop request; left behind as a daemon", thread.getName(),
                    deadline.toMillis());
            return false;
        }
        return true;
    }
}
