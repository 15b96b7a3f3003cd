package lobby.kiosk.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the kiosk and the back office that a test can make misbehave: refuse
 * connections (network down), or pass requests through but lose the answers (the server commits,
 * the kiosk never hears). Real sockets on loopback, no mocking of the HTTP client.
 */
public final class FaultProxy implements AutoCloseable {
    public enum Mode { PASS, DOWN, LOSE_RESPONSES, SERVER_ERROR }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger lostResponses = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;

    public FaultProxy(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "fault-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
        if (mode != Mode.PASS) {
            open.forEach(FaultProxy::closeQuietly);
        }
    }

    /** How many answers the proxy swallowed after passing the request on. */
    public int lostResponses() {
        return lostResponses.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.DOWN) {
                    client.close();
                    continue;
                }
                if (mode == Mode.SERVER_ERROR) {
                    answer503(client);
                    continue;
                }
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                open.add(client);
                open.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                // listener closed, or the upstream refused: the client sees a closed connection
            }
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (answers && mode == Mode.LOSE_RESPONSES) {
                        lostResponses.incrementAndGet();
                        break; // the request reached the server; its answer never reaches the kiosk
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Reads the request head, answers 503 as an overloaded or restarting server would. */
    private static void answer503(Socket client) {
        Thread t = new Thread(() -> {
            try (client) {
                client.getInputStream().read(new byte[8192]);
                String body = "{\"error\":\"service unavailable\"}";
                client.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the client gave up
            }
        }, "fault-proxy-503");
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
        listener.close();
        open.forEach(FaultProxy::closeQuietly);
    }
}
