package lobby.backoffice;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import lobby.backoffice.access.Passwords;
import lobby.backoffice.stats.Report;

/**
 * How to run a back office, validated when it is built. Plain HTTP is served on loopback only:
 * passwords and kiosk tokens must not cross a network in clear, so listening on any other
 * address needs a TLS keystore.
 *
 * @param host                   address to bind; null: loopback without TLS, every address with it
 * @param passwordIterations     PBKDF2 cost of new password hashes (tests lower it)
 * @param greetingTarget         a customer greeted within this counts as greeted in time
 * @param kioskRequestsPerSecond each kiosk's allowance on push and heartbeat; infinite: no limit
 * @param postgres               the shared PostgreSQL database; null: the SQLite file in {@code dataDir}
 * @param newEpoch               start a new data epoch before serving: the database was just
 *                               restored from a backup (see ServerStore#renewEpoch)
 */
public record ServerOptions(Path dataDir, String host, int port, boolean seedDemo, Clock clock, Tls tls,
                            int passwordIterations, Duration greetingTarget, double kioskRequestsPerSecond,
                            int kioskBurst, Postgres postgres, boolean newEpoch) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final String EVERY_ADDRESS = "0.0.0.0";
    /** A kiosk pushes a few times a minute; 20/s with bursts of 40 only stops one stuck in a loop. */
    public static final double KIOSK_REQUESTS_PER_SECOND = 20;
    public static final int KIOSK_BURST = 40;

    /** A PKCS#12 (or JKS) keystore holding the server's key and certificate chain. */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[" + keystore + "]";
        }
    }

    /**
     * A PostgreSQL database for a dealer group: several back offices may share it.
     *
     * @param url      {@code jdbc:postgresql://host:port/database?user=...}
     * @param password null when none is needed
     */
    public record Postgres(String url, String password) {
        public Postgres {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("the database URL must start with jdbc:postgresql://, was "
                        + url.replaceAll("password=[^&]*", "password=***"));
            }
        }

        @Override
        public String toString() {
            return "Postgres[" + url.replaceAll("password=[^&]*", "password=***") + "]";
        }
    }

    public ServerOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(greetingTarget, "greetingTarget");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535 (0 = any free port), was " + port);
        }
        if (host == null) {
            host = tls == null ? LOOPBACK : EVERY_ADDRESS;
        }
        if (tls == null && !loopback(host)) {
            throw new IllegalArgumentException("plain HTTP is served on loopback only, not on " + host
                    + "; give a TLS keystore (--tls-keystore) to listen there");
        }
        if (tls != null && !Files.isReadable(tls.keystore())) {
            throw new IllegalArgumentException("TLS keystore " + tls.keystore().toAbsolutePath() + " is not readable");
        }
        if (greetingTarget.isNegative() || greetingTarget.isZero()) {
            throw new IllegalArgumentException("the greeting target must be positive, was " + greetingTarget);
        }
        if (!(kioskRequestsPerSecond > 0) || kioskBurst < 1) {
            throw new IllegalArgumentException("the kiosk rate limit needs a positive rate and burst, was "
                    + kioskRequestsPerSecond + "/s with burst " + kioskBurst);
        }
        new Passwords(passwordIterations); // validates the count
    }

    public static ServerOptions defaults(Path dataDir) {
        return new ServerOptions(dataDir, null, BackOfficeServer.DEFAULT_PORT, false, Clock.systemDefaultZone(), null,
                Passwords.DEFAULT_ITERATIONS, Report.DEFAULT_GREETING_TARGET, KIOSK_REQUESTS_PER_SECOND, KIOSK_BURST, null, false);
    }

    public ServerOptions withPort(int port) {
        return with(o -> o.port = port);
    }

    public ServerOptions withSeedDemo(boolean seedDemo) {
        return with(o -> o.seedDemo = seedDemo);
    }

    public ServerOptions withClock(Clock clock) {
        return with(o -> o.clock = clock);
    }

    /** TLS (null: plain HTTP) and the address to bind (null: loopback without TLS, every address with it). */
    public ServerOptions withTls(Tls tls, String host) {
        return with(o -> {
            o.tls = tls;
            o.host = host;
        });
    }

    public ServerOptions withPasswordIterations(int iterations) {
        return with(o -> o.passwordIterations = iterations);
    }

    public ServerOptions withGreetingTarget(Duration target) {
        return with(o -> o.greetingTarget = target);
    }

    public ServerOptions withKioskRateLimit(double perSecond, int burst) {
        return with(o -> {
            o.kioskRequestsPerSecond = perSecond;
            o.kioskBurst = burst;
        });
    }

    /** Keeps the data in a PostgreSQL database instead of the SQLite file (null: back to SQLite). */
    public ServerOptions withPostgres(Postgres postgres) {
        return with(o -> o.postgres = postgres);
    }

    /**
     * Whether to start a new data epoch before serving: true once, on the first start after the
     * database was restored from a backup. Kiosks then push again what the backup lacks.
     */
    public ServerOptions withNewEpoch(boolean newEpoch) {
        return with(o -> o.newEpoch = newEpoch);
    }

    /** These options with some changed; the result is validated like any other. */
    private ServerOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The options as plain fields, for {@link #with}: one place to name them all. */
    private static final class Draft {
        Path dataDir;
        String host;
        int port;
        boolean seedDemo;
        Clock clock;
        Tls tls;
        int passwordIterations;
        Duration greetingTarget;
        double kioskRequestsPerSecond;
        int kioskBurst;
        Postgres postgres;
        boolean newEpoch;

        Draft(ServerOptions o) {
            dataDir = o.dataDir;
            host = o.host;
            port = o.port;
            seedDemo = o.seedDemo;
            clock = o.clock;
            tls = o.tls;
            passwordIterations = o.passwordIterations;
            greetingTarget = o.greetingTarget;
            kioskRequestsPerSecond = o.kioskRequestsPerSecond;
            kioskBurst = o.kioskBurst;
            postgres = o.postgres;
            newEpoch = o.newEpoch;
        }

        ServerOptions build() {
            return new ServerOptions(dataDir, host, port, seedDemo, clock, tls, passwordIterations, greetingTarget,
                    kioskRequestsPerSecond, kioskBurst, postgres, newEpoch);
        }
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
