package lobby.lamp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on virtual time, for tests of anything timed: nothing runs until the test calls
 * {@link #advance}, which runs every task due by then in time order (ties in the order they were
 * scheduled), with {@link #clock()} showing each task's due time while it runs. A minute of
 * blinking takes microseconds. Single-threaded: tasks run on the test's thread, so it is public
 * for other modules' tests (through the test jar) but not for production.
 *
 * <p>A task that throws fails the {@code advance} that ran it: a real executor would swallow
 * it and stop a periodic task silently, which is exactly what a test should notice.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;
    private boolean shutdown;

    public VirtualScheduler(Instant start) {
        this.now = start;
    }

    public Instant now() {
        return now;
    }

    /** A clock that reads this scheduler's virtual time. */
    public Clock clock() {
        return new VirtualClock(ZoneOffset.UTC);
    }

    /** Moves time forward, running what falls due on the way. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, not by " + by);
        }
        Instant target = now.plus(by);
        for (Task<?> next = queue.peek(); next != null && !next.due.isAfter(target); next = queue.peek()) {
            queue.poll();
            if (!next.isCancelled()) {
                now = next.due;
                next.run();
            }
        }
        now = target;
    }

    /** Runs what is due now, such as tasks given to {@link #execute}. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How many tasks are waiting, cancelled ones not counted: zero once everything has stopped. */
    public long pending() {
        return queue.stream().filter(t -> !t.isCancelled()).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(Executors.callable(command), delay, unit, null);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(callable, delay, unit, null);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive, was " + period + " " + unit);
        }
        return add(Executors.callable(command), initialDelay, unit, Duration.of(period, unit.toChronoUnit()));
    }

    /** Tasks take no virtual time, so a fixed delay is a fixed rate. */
    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        queue.forEach(t -> t.cancel(false));
        queue.clear();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && pending() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private <V> Task<V> add(Callable<V> body, long delay, TimeUnit unit, Duration period) {
        if (shutdown) {
            throw new RejectedExecutionException("virtual scheduler is shut down");
        }
        Task<V> task = new Task<>(body, now.plus(Duration.of(Math.max(0, delay), unit.toChronoUnit())), period);
        queue.add(task);
        return task;
    }

    private final class Task<V> implements ScheduledFuture<V> {
        private final Callable<V> body;
        private final Duration period;
        private Instant due;
        private long order;
        private boolean cancelled;
        private boolean done;
        private V result;

        Task(Callable<V> body, Instant due, Duration period) {
            this.body = body;
            this.due = due;
            this.period = period;
            this.order = sequence++;
        }

        void run() {
            try {
                result = body.call();
            } catch (Exception e) {
                done = true;
                throw new IllegalStateException("a task scheduled for " + due + " failed", e);
            }
            if (period == null) {
                done = true;
            } else if (!cancelled) {
                due = due.plus(period);
                order = sequence++;
                queue.add(this);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now, due));
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof Task<?> task) {
                int byTime = due.compareTo(task.due);
                return byTime != 0 ? byTime : Long.compare(order, task.order);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        /** Never blocks: waiting would stop virtual time, since only the test moves it. */
        @Override
        public V get() {
            if (!done) {
                throw new IllegalStateException("not run yet at " + now + ", due at " + due);
            }
            return result;
        }

        @Override
        public V get(long timeout, TimeUnit unit) {
            return get();
        }
    }

    private final class VirtualClock extends Clock {
        private final ZoneId zone;

        VirtualClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new VirtualClock(other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
