package lobby.scanner;

import java.util.Optional;

/**
 * Where the camera's frames come from: a subprocess such as rpicam-vid, or recorded frames in
 * tests. Used by one thread; {@link #close()} may come from another and ends a waiting
 * {@link #next()}.
 */
interface FrameSource extends AutoCloseable {
    /** The next frame, waiting for it; empty once the source has ended ({@link #ended()} says why). */
    Optional<Frame> next();

    /** Why the frames stopped, e.g. "rpicam-vid exited with status 255 after 0.4 s: no cameras available". */
    String ended();

    @Override
    void close();

    /** Starts a source; one that cannot start is a DeviceException naming what it tried to run. */
    @FunctionalInterface
    interface Opener {
        FrameSource open();
    }
}
