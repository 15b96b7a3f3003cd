package lobby.provision.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * The one class that speaks SSH, through Apache MINA SSHD (ed25519 keys need net.i2p eddsa on
 * the classpath on Java 17). Public-key authentication only, with the key file the inventory
 * names; no ~/.ssh/config, no agent, so a run does the same on every technician's laptop. Host
 * keys are checked against the inventory's known_hosts and an unknown or changed key is refused,
 * never accepted: trust is given deliberately with {@code provision trust-host}.
 */
public final class MinaSsh implements Connector {
    /** An unreachable kiosk must not hold up the roll-out. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Connections dropped before the SSH session was set up are tried this many times in all
     * (a flaky lobby network, a kiosk busy starting up: the connection is reset, or MINA reports
     * that no session was attached to it).
     */
    static final int CONNECT_ATTEMPTS = 3;
    static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(20);
    /** apt-get installing a Java runtime on a Pi over a dealership's line can take this long. */
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(30);
    /** Host key algorithms asked for one at a time when fetching every key a kiosk has. */
    private static final List<List<String>> KEY_TYPE_ALGORITHMS = List.of(
            List.of("ssh-ed25519"),
            List.of("ecdsa-sha2-nistp256"), List.of("ecdsa-sha2-nistp384"), List.of("ecdsa-sha2-nistp521"),
            List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"));
    private static final AttributeRepository.AttributeKey<HostCheck> HOST_CHECK = new AttributeRepository.AttributeKey<>();

    private final SshClient client;
    private final List<NamedFactory<Signature>> plainKeyAlgorithms;
    private final Map<Path, KeyPair> identities = new ConcurrentHashMap<>();

    private MinaSsh(SshClient client) {
        this.client = client;
        List<NamedFactory<Signature>> plain = new ArrayList<>();
        for (NamedFactory<Signature> f : client.getSignatureFactories()) {
            // Kiosks have plain host keys; certificates and hardware-token types are not offered.
            if (!f.getName().contains("-cert-") && !f.getName().startsWith("sk-")) {
                plain.add(f);
            }
        }
        this.plainKeyAlgorithms = List.copyOf(plain);
    }

    public static MinaSsh start() {
        SshClient client = SshClient.setUpDefaultClient();
        // Each command is a few small packets back and forth; with Nagle's algorithm and delayed
        // ACKs every one of them waited 40 ms, which made a check-only apply 10x slower.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactoriesNames(List.of("publickey"));
        client.setServerKeyVerifier(MinaSsh::verifyServerKey);
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                // Before the key exchange starts: which host key types this connection asks for.
                HostCheck check = ((ClientSession) session).getConnectionContext().getAttribute(HOST_CHECK);
                session.setSignatureFactories(check.algorithms);
            }
        });
        client.start();
        return new MinaSsh(client);
    }

    @Override
    public Remote connect(SshTarget target, KnownHosts knownHosts) {
        KeyPair identity = identity(target.keyFile());
        for (int attempt = 1; ; attempt++) {
            try {
                return login(target, knownHosts, identity);
            } catch (Dropped e) {
                pauseBeforeRetry(attempt, e);
            }
        }
    }

    private Remote login(SshTarget target, KnownHosts knownHosts, KeyPair identity) {
        HostCheck check = HostCheck.verifying(target, knownHosts,
                preferring(knownHosts.keyTypesFor(target.host(), target.port())));
        ClientSession session = openOnce(target.name(), target.host(), target.port(), target.user(), check);
        try {
            session.addPublicKeyIdentity(identity);
            session.auth().verify(LOGIN_TIMEOUT);
            return new Connection(target, session);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            if (check.refusal != null) {
                throw new HostKeyException(check.refusal);
            }
            if (check.captured == null) {
                // Dropped before the server even showed its key: nothing was sent in our name.
                throw new Dropped(target.name() + " (" + target.address() + "): the connection was dropped before"
                        + " the key exchange: " + reason(e), e);
            }
            String why = reason(e).contains("No more authentication methods")
                    ? "the kiosk did not accept this key (is " + target.keyFile().getFileName() + ".pub in ~"
                    + target.user() + "/.ssh/authorized_keys on the kiosk?)" : reason(e);
            throw new ConnectionException(target.name() + " (" + target.address() + "): login as " + target.user()
                    + " with key " + target.keyFile() + " failed: " + why, e);
        }
    }

    @Override
    public List<HostKey> offeredHostKeys(String host, int port) {
        List<HostKey> keys = new ArrayList<>();
        for (List<String> names : KEY_TYPE_ALGORITHMS) {
            List<NamedFactory<Signature>> algorithms = plainKeyAlgorithms.stream()
                    .filter(f -> names.contains(f.getName())).toList();
            HostCheck check = HostCheck.capturing(algorithms);
            ClientSession session = open(host, host, port, "trust-host", check);
            try {
                // The key is captured during the key exchange and then refused, so no login follows.
                session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED,
                        ClientSession.ClientSessionEvent.WAIT_AUTH), LOGIN_TIMEOUT);
            } finally {
                closeQuietly(session);
            }
            if (check.captured != null) {
                keys.add(check.captured);
            }
        }
        return keys;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (RuntimeException e) {
            // Closing at exit: nothing left to tell the technician.
        }
    }

    private ClientSession open(String name, String host, int port, String user, HostCheck check) {
        for (int attempt = 1; ; attempt++) {
            try {
                return openOnce(name, host, port, user, check);
            } catch (Dropped e) {
                pauseBeforeRetry(attempt, e);
            }
        }
    }

    /** @throws Dropped {@code e} itself, after the last attempt */
    private static void pauseBeforeRetry(int attempt, Dropped e) {
        if (attempt >= CONNECT_ATTEMPTS) {
            throw e;
        }
        try {
            Thread.sleep(RETRY_PAUSE.toMillis() * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * The connection was made, then dropped before the SSH session was set up: reset, closed, or
     * closed before MINA attached its session. Worth another try, unlike a refusal or no answer.
     */
    private static final class Dropped extends ConnectionException {
        Dropped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ClientSession openOnce(String name, String host, int port, String user, HostCheck check) {
        String where = name + " (" + host + ":" + port + ")";
        ConnectFuture future;
        try {
            future = client.connect(user, host, port, AttributeRepository.ofKeyValuePair(HOST_CHECK, check), null);
        } catch (IOException | RuntimeException e) {
            // An unresolvable host name surfaces here as java.nio's UnresolvedAddressException.
            throw new ConnectionException(where + ": cannot connect: " + reason(e), e);
        }
        try {
            if (!future.await(CONNECT_TIMEOUT)) {
                future.cancel();
                throw new ConnectionException(where + ": unreachable: no answer within "
                        + CONNECT_TIMEOUT.toSeconds() + " s");
            }
            return future.verify().getSession();
        } catch (ConnectionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof ConnectException) {
                throw new ConnectionException(where + ": unreachable: connection refused (is sshd running, is the port"
                        + " right?)", e);
            }
            if (cause instanceof UnresolvedAddressException) {
                throw new ConnectionException(where + ": unreachable: unknown host name " + host, e);
            }
            throw new Dropped(where + ": unreachable: " + reason(e), e);
        }
    }

    /** Known types first (as OpenSSH does), so a kiosk with several host keys shows the one on file. */
    private List<NamedFactory<Signature>> preferring(Set<String> keyTypes) {
        List<NamedFactory<Signature>> first = new ArrayList<>();
        List<NamedFactory<Signature>> rest = new ArrayList<>();
        for (NamedFactory<Signature> f : plainKeyAlgorithms) {
            (keyTypes.contains(keyType(f.getName())) ? first : rest).add(f);
        }
        first.addAll(rest);
        return first;
    }

    private static String keyType(String signatureAlgorithm) {
        return signatureAlgorithm.startsWith("rsa-sha2-") ? "ssh-rsa" : signatureAlgorithm;
    }

    private KeyPair identity(Path file) {
        return identities.computeIfAbsent(file, MinaSsh::loadIdentity);
    }

    private static KeyPair loadIdentity(Path file) {
        FilePasswordProvider noPassphrase = (session, resource, retry) -> {
            throw new ConnectionException("key " + file + " is protected by a passphrase; give the inventory a key "
                    + "without one (kept on the technician's laptop only)");
        };
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, noPassphrase);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new ConnectionException("key " + file + " holds no private key");
            }
            return it.next();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof ConnectionException c) {
                throw c;
            }
            throw new ConnectionException("cannot read private key " + file + ": " + reason(e), e);
        }
    }

    private static boolean verifyServerKey(ClientSession session, SocketAddress address, PublicKey key) {
        HostCheck check = session.getConnectionContext().getAttribute(HOST_CHECK);
        return check.accept(HostKey.parse(PublicKeyEntry.toString(key)));
    }

    /** One connection's view of host keys: check against known_hosts, or only capture (trust-host). */
    private static final class HostCheck {
        final List<NamedFactory<Signature>> algorithms;
        final SshTarget target;
        final KnownHosts knownHosts;
        volatile String refusal;
        volatile HostKey captured;

        private HostCheck(List<NamedFactory<Signature>> algorithms, SshTarget target, KnownHosts knownHosts) {
            this.algorithms = algorithms;
            this.target = target;
            this.knownHosts = knownHosts;
        }

        static HostCheck verifying(SshTarget target, KnownHosts knownHosts, List<NamedFactory<Signature>> algorithms) {
            return new HostCheck(algorithms, target, knownHosts);
        }

        static HostCheck capturing(List<NamedFactory<Signature>> algorithms) {
            return new HostCheck(algorithms, null, null);
        }

        boolean accept(HostKey offered) {
            captured = offered;
            if (knownHosts == null) {
                return false;
            }
            KnownHosts.Verdict verdict = knownHosts.check(target.host(), target.port(), offered);
            if (verdict == KnownHosts.Verdict.TRUSTED) {
                return true;
            }
            refusal = HostKeyMessages.refusal(target, knownHosts, offered, verdict);
            return false;
        }
    }

    /** An authenticated session to one kiosk; used by one thread at a time. */
    private static final class Connection implements Remote {
        private final SshTarget target;
        private final ClientSession session;

        Connection(SshTarget target, ClientSession session) {
            this.target = target;
            this.session = session;
        }

        @Override
        public CommandResult run(String command) {
            return run(command, new byte[0]);
        }

        @Override
        public CommandResult run(String command, byte[] stdin) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(CHANNEL_OPEN_TIMEOUT);
                sendInput(channel, stdin);
                Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), COMMAND_TIMEOUT);
                if (events.contains(ClientChannelEvent.TIMEOUT)) {
                    throw new ConnectionException(target.name() + ": a command ran longer than "
                            + COMMAND_TIMEOUT.toMinutes() + " min: " + firstWords(command));
                }
                Integer status = channel.getExitStatus();
                String stderr = err.toString(StandardCharsets.UTF_8);
                if (status == null) {
                    String signal = channel.getExitSignal();
                    return new CommandResult(-1, out.toString(StandardCharsets.UTF_8),
                            stderr + (signal == null ? "(no exit status: connection lost?)" : "(killed by " + signal + ")"));
                }
                return new CommandResult(status, out.toString(StandardCharsets.UTF_8), stderr);
            } catch (IOException e) {
                throw new ConnectionException(target.name() + " (" + target.address() + "): connection lost: " + reason(e),
                        e);
            }
        }

        /**
         * Writes the command's input and closes it (end of input, so {@code cat > file} ends).
         * Done here rather than through setIn(), whose pump thread polls its stream and cost 100 ms
         * a command. A command that ends without reading its input (most do) may close the channel
         * before this is written; that is no error: its exit status says how it went.
         */
        private static void sendInput(ChannelExec channel, byte[] stdin) {
            try (OutputStream in = channel.getInvertedIn()) {
                if (stdin.length > 0) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // the command already ended; see above
            }
        }

        @Override
        public void upload(Path local, String remotePath) {
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
                 OutputStream out = sftp.write(remotePath)) {
                Files.copy(local, out);
            } catch (IOException e) {
                throw new ConnectionException(target.name() + ": uploading " + local.getFileName() + " to " + remotePath
                        + " failed: " + reason(e), e);
            }
        }

        @Override
        public void close() {
            closeQuietly(session);
        }
    }

    private static void closeQuietly(ClientSession session) {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // Already broken; the caller reports what broke it.
        }
    }

    private static String firstWords(String command) {
        return command.length() > 80 ? command.substring(0, 80) + "..." : command;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String reason(Throwable e) {
        Throwable root = rootCause(e);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e || e.getMessage() == null || e.getMessage().equals(message) ? message
                : e.getMessage() + " (" + message + ")";
    }
}
