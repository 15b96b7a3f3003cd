package lobby.backoffice.live;

import java.util.function.Supplier;

/** Where one subscriber's events go: an SSE connection, or a recording list in a test. */
public interface Sink {
    /**
     * Writes one event, blocking while the connection's buffers are full.
     *
     * @return false when the connection is gone; the subscriber is then dropped
     */
    boolean send(Event event);

    /** Ends the connection; the client may reconnect and resume. */
    void close();

    /**
     * One server-sent event. Its JSON is written on first use, by a sender thread, and kept: an
     * event nobody is connected to receive costs no serialisation, and the store's commit lock
     * (under which events are published) is not held while it is done.
     */
    final class Event {
        private final long id;
        private final String name;
        private final Supplier<String> json;
        private volatile String data;

        /** @param name "ticket", "advisor" or "call"; null for a comment */
        Event(long id, String name, Supplier<String> json) {
            this.id = id;
            this.name = name;
            this.json = json;
        }

        Event(long id, String name, String data) {
            this(id, name, () -> data);
            this.data = data;
        }

        static Event ping() {
            return comment("ping");
        }

        /** A comment line (": text"): browsers ignore it; it keeps proxies from timing the stream out. */
        static Event comment(String text) {
            return new Event(0, null, text);
        }

        public long id() {
            return id;
        }

        public String name() {
            return name;
        }

        /** The JSON text (for a comment, its text). */
        public String data() {
            String d = data;
            if (d == null) {
                d = json.get();
                data = d;
            }
            return d;
        }

        public boolean isComment() {
            return name == null;
        }

        @Override
        public String toString() {
            return "Event[" + id + " " + name + " " + data() + "]";
        }
    }
}
