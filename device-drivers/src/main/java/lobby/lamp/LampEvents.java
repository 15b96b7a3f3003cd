package lobby.lamp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lamps' listeners, and the calls to them: decided while the lamps hold their lock, made
 * by {@link #flush} after it is released, so a listener that calls back or blocks cannot
 * deadlock the lamps. The queue is guarded by the lamps' lock.
 */
final class LampEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LampEvents.class);

    private final Object lock;
    private final Consumer<String> announcements;
    private final List<IntConsumer> acknowledged = new CopyOnWriteArrayList<>();
    private final List<IntConsumer> escalated = new CopyOnWriteArrayList<>();
    private final List<Runnable> queue = new ArrayList<>();

    /** @param announcements one line per pattern change, for the simulator's output */
    LampEvents(Object lock, Consumer<String> announcements) {
        this.lock = lock;
        this.announcements = announcements;
    }

    void onAcknowledged(IntConsumer listener) {
        acknowledged.add(listener);
    }

    void onEscalated(IntConsumer listener) {
        escalated.add(listener);
    }

    void announce(String line) {
        queue.add(() -> announcements.accept(line));
    }

    void acknowledged(int desk) {
        acknowledged.forEach(l -> queue.add(() -> l.accept(desk)));
    }

    void escalated(int desk) {
        escalated.forEach(l -> queue.add(() -> l.accept(desk)));
    }

    /** Anything else that must wait until the lock is free. */
    void afterLock(Runnable task) {
        queue.add(task);
    }

    /** Call without holding the lock. A failing listener (a screen, the network) breaks nothing else. */
    void flush() {
        List<Runnable> due;
        synchronized (lock) {
            due = List.copyOf(queue);
            queue.clear();
        }
        for (Runnable call : due) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("call lamps: a listener failed", e);
            }
        }
    }
}
