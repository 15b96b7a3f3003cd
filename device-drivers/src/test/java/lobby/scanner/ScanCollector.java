package lobby.scanner;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The kiosk's side of a scanner in tests: scans queue up and are taken with a deadline. */
final class ScanCollector implements Consumer<Scan> {
    private final BlockingQueue<Scan> scans = new LinkedBlockingQueue<>();

    @Override
    public void accept(Scan scan) {
        scans.add(scan);
    }

    /** The next scan; fails naming the scanner's health when none comes in time. */
    Scan next(Duration deadline, Supplier<?> health) {
        try {
            Scan scan = scans.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (scan == null) {
                throw new AssertionError("no scan within " + deadline.toMillis() + " ms; health: " + health.get());
            }
            return scan;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a scan", e);
        }
    }

    /** Scans delivered and not yet taken. */
    int waiting() {
        return scans.size();
    }
}
