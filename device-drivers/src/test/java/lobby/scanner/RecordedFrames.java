package lobby.scanner;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lobby.device.DeviceException;

/**
 * Recorded frames played to the camera scanner one by one. At the end it either ends (like a
 * command that exited) or holds, like a live camera with nothing new in view, until closed.
 * A null frame stands for the camera failing at that point.
 */
final class RecordedFrames implements FrameSource {
    private final List<Frame> frames;
    private final boolean holdAtEnd;
    private final CountDownLatch drained = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private int next;

    private RecordedFrames(List<Frame> frames, boolean holdAtEnd) {
        this.frames = frames;
        this.holdAtEnd = holdAtEnd;
    }

    static RecordedFrames ending(Frame... frames) {
        return new RecordedFrames(Arrays.asList(frames), false);
    }

    static RecordedFrames holding(Frame... frames) {
        return new RecordedFrames(Arrays.asList(frames), true);
    }

    @Override
    public Optional<Frame> next() {
        if (next < frames.size()) {
            Frame frame = frames.get(next++);
            if (frame == null) {
                throw new DeviceException("camera test: stream broke at frame " + next);
            }
            return Optional.of(frame);
        }
        // Asked for more: every frame has been taken and handled.
        drained.countDown();
        if (holdAtEnd) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }

    @Override
    public String ended() {
        return next < frames.size() ? "" : "recording ended";
    }

    @Override
    public void close() {
        closed.countDown();
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Waits until the scanner has handled every frame and asked for the next. */
    void awaitDrained(Duration deadline) {
        try {
            if (!drained.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the scanner took " + next + " of " + frames.size() + " frames within "
                        + deadline.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
