package lobby.backoffice.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test: Debian's binaries, a throwaway cluster in a temporary
 * folder, a free loopback port, fsync off unless asked (about 1 s to start). initdb refuses to run as root,
 * so as root the cluster belongs to the postgres user (runuser); otherwise to the current user.
 */
public final class PostgresServer implements AutoCloseable {
    static final long START_SECONDS = 60;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root;

    private PostgresServer(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.root = root;
    }

    /** With fsync off: tests need no durability across a power cut, and start and run faster. */
    public static PostgresServer start() throws IOException, InterruptedException {
        return start(false);
    }

    /** @param fsync on for figures comparable with a production server (the benchmark) */
    public static PostgresServer start(boolean fsync) throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("pg-test");
        if (root) {
            run(List.of("chown", "postgres:", dir.toString()), false);
        }
        int port = freePort();
        PostgresServer pg = new PostgresServer(bin, dir, port, root);
        pg.as(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"));
        pg.as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-t", Long.toString(START_SECONDS), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=" + (fsync ? "on" : "off")
                        + " -c max_connections=200",
                "start"));
        return pg;
    }

    /** A JDBC URL for a database of the cluster ("postgres" always exists). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    public int port() {
        return port;
    }

    /** Creates an empty database, so tests do not see each other's tables. */
    public String createDatabase(String name) throws IOException, InterruptedException {
        as(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                "postgres", name));
        return jdbcUrl(name);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void as(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(START_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("PostgreSQL is not installed (Debian package postgresql; the test command installs it)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no initdb under " + root));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
