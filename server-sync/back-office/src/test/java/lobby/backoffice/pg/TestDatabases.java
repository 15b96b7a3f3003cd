package lobby.backoffice.pg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which database the API tests run on: SQLite (the default), or PostgreSQL when the system
 * property {@value #PROPERTY} is {@code postgres} (the build's second integration-test run sets
 * it). One PostgreSQL server serves the whole test JVM, started on first use and stopped when
 * the JVM exits; every back office gets a database of its own.
 */
public final class TestDatabases {
    public static final String PROPERTY = "backoffice.test.database";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static PostgresServer server;

    private TestDatabases() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    public static synchronized String newPostgresDatabase() {
        try {
            if (server == null) {
                server = PostgresServer.start();
                PostgresServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException | InterruptedException e) {
                        // the JVM is exiting; the temporary cluster goes with the machine's temp cleanup
                    }
                }, "postgres-test-server-stop"));
            }
            return server.createDatabase("lobby_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }
}
