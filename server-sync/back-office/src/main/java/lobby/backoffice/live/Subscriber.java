package lobby.backoffice.live;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected client and the events on their way to it. Events are written by one sender
 * thread at a time, in order; a client whose backlog grows past {@link #MAX_BACKLOG} (it stopped
 * reading) is disconnected rather than allowed to hold memory: on reconnecting it resumes from
 * the replay buffer or gets the current state.
 */
final class Subscriber {
    static final int MAX_BACKLOG = 2_048;

    private final Sink sink;
    private final Executor senders;
    private final Runnable onGone;
    private final Queue<Sink.Event> backlog = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean gone = new AtomicBoolean();

    Subscriber(Sink sink, Executor senders, Runnable onGone) {
        this.sink = sink;
        this.senders = senders;
        this.onGone = onGone;
    }

    void offer(Sink.Event event) {
        if (gone.get()) {
            return;
        }
        if (size.incrementAndGet() > MAX_BACKLOG) {
            drop();
            return;
        }
        backlog.add(event);
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                senders.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drop(); // shutting down
            }
        }
    }

    private void drain() {
        try {
            for (Sink.Event e = backlog.poll(); e != null && !gone.get(); e = backlog.poll()) {
                size.decrementAndGet();
                if (!sink.send(e)) {
                    drop();
                }
            }
        } catch (RuntimeException e) {
            drop();
        } finally {
            draining.set(false);
        }
        // An event offered after the last poll but before draining was cleared would wait for the
        // next offer; look once more.
        if (!backlog.isEmpty() && !gone.get()) {
            schedule();
        }
    }

    void drop() {
        if (gone.compareAndSet(false, true)) {
            backlog.clear();
            onGone.run();
            sink.close();
        }
    }

    boolean gone() {
        return gone.get();
    }
}
