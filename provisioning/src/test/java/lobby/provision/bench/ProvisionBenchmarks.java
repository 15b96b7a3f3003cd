package lobby.provision.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import lobby.provision.TestLobby;
import lobby.provision.ssh.InProcessSshServer;
import lobby.provision.ssh.TestKeys;

/**
 * {@code ./mvnw -q -Pbench -pl provisioning -am}: a roll-out to 20 kiosks on loopback, all in
 * parallel, through one in-process SSH server (each kiosk its own root folder and stand-ins):
 * the first apply (everything to do) and a second one (nothing to do, the everyday case of a
 * technician re-running the tool), which should take under 5 s. {@code -Dbench.kiosks=N} changes
 * the number of kiosks, {@code -Dbench.verbose} prints the tool's own output of each run.
 */
public final class ProvisionBenchmarks {
    static final int KIOSKS = Integer.getInteger("bench.kiosks", 20);
    static final Duration SECOND_APPLY_TARGET = Duration.ofSeconds(5);

    private ProvisionBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("provision-bench");
        try {
            TestLobby lobby = new TestLobby(dir, "ed25519");
            Path hostKey = TestKeys.generate(dir, "host_ed25519", "ed25519");
            try (InProcessSshServer server = InProcessSshServer.start(hostKey, lobby.authorizedKeys())) {
                lobby.trust(server.port(), hostKey);
                for (int i = 1; i <= KIOSKS; i++) {
                    lobby.kiosk(String.format("lobby-%02d", i), server.port());
                }
                String dist = lobby.dist("0.1.0", true).toString();
                String parallel = String.valueOf(KIOSKS);

                Duration first = timed(lobby, "apply", "--dist", dist, "--parallel", parallel);
                Duration second = timed(lobby, "apply", "--dist", dist, "--parallel", parallel);
                Duration plan = timed(lobby, "plan", "--dist", dist, "--parallel", parallel);
                Duration status = timed(lobby, "status", "--parallel", parallel);

                System.out.printf("provisioning: %d kiosks on loopback, %d in parallel, one in-process SSH server%n",
                        KIOSKS, KIOSKS);
                System.out.printf("  first apply (install, upload, configure, restart, health): %6.2f s%n", s(first));
                System.out.printf("  second apply (nothing to change):                         %6.2f s  target < %d s: %s%n",
                        s(second), SECOND_APPLY_TARGET.toSeconds(),
                        second.compareTo(SECOND_APPLY_TARGET) < 0 ? "met" : "MISSED");
                System.out.printf("  plan (nothing would change):                              %6.2f s%n", s(plan));
                System.out.printf("  status:                                                   %6.2f s%n", s(status));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Duration timed(TestLobby lobby, String command, String... args) {
        long start = System.nanoTime();
        TestLobby.Run run = lobby.tool(command, args);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (System.getProperty("bench.verbose") != null) {
            System.out.println(run.out());
        }
        if (run.exit() != 0) {
            throw new IllegalStateException(command + " failed with exit " + run.exit() + ":\n" + run.all());
        }
        return took;
    }

    private static double s(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
