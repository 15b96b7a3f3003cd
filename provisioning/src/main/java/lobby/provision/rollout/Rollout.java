package lobby.provision.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import lobby.provision.deploy.Result;
import lobby.provision.inventory.Kiosk;

/**
 * Runs one command on many kiosks, up to {@code parallel} at a time, kiosks started in inventory
 * order. Once {@code maxFailures} kiosks have failed no further kiosk is started (those already
 * running finish): a release that breaks the first kiosks should not reach the whole dealership.
 */
public final class Rollout {
    public static final int DEFAULT_PARALLEL = 5;
    public static final int DEFAULT_MAX_FAILURES = 1;

    private final int parallel;
    private final int maxFailures;
    private final Console console;

    public Rollout(int parallel, int maxFailures, Console console) {
        this.parallel = parallel;
        this.maxFailures = maxFailures;
        this.console = console;
    }

    /** @param task one kiosk's whole run; it reports its own failures and never throws on purpose */
    public List<KioskReport> run(List<Kiosk> kiosks, Function<Kiosk, KioskReport> task) {
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, kiosks.size())), r -> {
            Thread t = new Thread(r, "kiosk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<KioskReport>> futures = new ArrayList<>();
            for (Kiosk kiosk : kiosks) {
                futures.add(pool.submit(() -> {
                    int failed = failures.get();
                    if (failed >= maxFailures) {
                        String why = "roll-out stopped after " + failed + (failed == 1 ? " failure" : " failures");
                        console.kiosk(kiosk.id(), "skipped (" + why + ")");
                        return new KioskReport(kiosk.id(), Result.SKIPPED, List.of(), why, Duration.ZERO, false);
                    }
                    KioskReport report = safely(kiosk, task);
                    if (report.result() == Result.FAILED) {
                        failures.incrementAndGet();
                    }
                    return report;
                }));
            }
            List<KioskReport> reports = new ArrayList<>();
            for (Future<KioskReport> f : futures) {
                reports.add(f.get());
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the roll-out", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a kiosk's run broke unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A bug in one kiosk's run is that kiosk's failure, not the end of everyone's. */
    private KioskReport safely(Kiosk kiosk, Function<Kiosk, KioskReport> task) {
        long start = System.nanoTime();
        try {
            return task.apply(kiosk);
        } catch (RuntimeException e) {
            String message = "unexpected error: " + e;
            console.kiosk(kiosk.id(), "failed: " + message);
            return KioskReport.failed(kiosk.id(), message, Duration.ofNanos(System.nanoTime() - start), false);
        }
    }

    /** 0 all well, 1 a kiosk failed or was skipped, 3 a host key problem anywhere (it wins: it needs a person). */
    public static int exitCode(List<KioskReport> reports) {
        if (reports.stream().anyMatch(KioskReport::hostKeyProblem)) {
            return 3;
        }
        return reports.stream().anyMatch(r -> r.result() == Result.FAILED || r.result() == Result.SKIPPED) ? 1 : 0;
    }
}
