package lobby.provision.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP front for a test SSH server that resets its first connections as soon as they are made
 * (as a flaky lobby network or a kiosk busy starting up may), then passes the rest through.
 */
public final class ResettingFront implements AutoCloseable {
    private final ServerSocket socket;
    private final int targetPort;
    private final int toReset;
    private final AtomicInteger reset = new AtomicInteger();

    private ResettingFront(int targetPort, int toReset) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.toReset = toReset;
        Thread accepting = new Thread(this::accept, "resetting-front");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** @param toReset how many connections to reset before passing connections through */
    public static ResettingFront start(int targetPort, int toReset) throws IOException {
        return new ResettingFront(targetPort, toReset);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many connections were reset so far. */
    public int resets() {
        return reset.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (reset.get() < toReset) {
                    reset.incrementAndGet();
                    client.setSoLinger(true, 0); // close with RST, as a dropped connection
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "resetting-front-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
