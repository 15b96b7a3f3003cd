package lobby.provision.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server, started by the test on a free loopback port with throwaway keys, as
 * root (which this machine and CI run as): the server the kiosks really run. Needs the
 * openssh-server package (.ci/system-packages installs it).
 */
public final class OpenSshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final StringBuffer log = new StringBuffer();

    private OpenSshServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param hostKeys private host key files (ssh-keygen), one per type the server should offer */
    public static OpenSshServer start(Path dir, List<Path> hostKeys, Path authorizedKeys) throws IOException {
        if (!Files.isExecutable(SSHD)) {
            throw new AssertionError(SSHD + " is missing: install the Debian package openssh-server "
                    + "(apt-get install openssh-server; .ci/system-packages installs it for the build)");
        }
        Files.createDirectories(Path.of("/run/sshd")); // else: "Missing privilege separation directory"
        int port = freePort();
        StringBuilder config = new StringBuilder();
        config.append("Port ").append(port).append('\n')
                .append("ListenAddress 127.0.0.1\n");
        for (Path key : hostKeys) {
            config.append("HostKey ").append(key.toAbsolutePath()).append('\n');
        }
        config.append("AuthorizedKeysFile ").append(authorizedKeys.toAbsolutePath()).append('\n')
                .append("PidFile ").append(dir.toAbsolutePath().resolve("sshd.pid")).append('\n')
                .append("PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n")
                .append("PermitRootLogin prohibit-password\nSubsystem sftp internal-sftp\n");
        Path file = dir.resolve("sshd_config");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", file.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        OpenSshServer server = new OpenSshServer(p, port);
        server.collect(p.getInputStream());
        server.awaitPort();
        return server;
    }

    public int port() {
        return port;
    }

    private void collect(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    log.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // sshd ended
            }
        }, "sshd-log");
        t.setDaemon(true);
        t.start();
    }

    private void awaitPort() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(50, TimeUnit.MILLISECONDS); // wakes early if sshd dies
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for sshd", e);
                }
            }
        }
        close();
        throw new IOException("sshd did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s: " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String log() {
        return log.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
