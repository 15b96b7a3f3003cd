package lobby.provision.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server in the test's JVM on a free loopback port: MINA SSHD with a host key made by
 * ssh-keygen, public-key login from an authorized_keys file, commands run by {@code /bin/sh -c}
 * on this machine (as the kiosk's shell would), and SFTP. The "kiosk" is this machine.
 */
public final class InProcessSshServer implements AutoCloseable {
    private final SshServer server;

    private InProcessSshServer(SshServer server) {
        this.server = server;
    }

    public static InProcessSshServer start(Path hostKey, Path authorizedKeys) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        CoreModuleProperties.TCP_NODELAY.set(server, true); // as OpenSSH does for its sessions
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        // Read once: AuthorizedKeysAuthenticator's lazy reload refused some of 20 simultaneous logins.
        List<PublicKey> keys;
        try {
            keys = PublicKeyEntry.resolvePublicKeyEntries(null, AuthorizedKeyEntry.readAuthorizedKeys(authorizedKeys),
                    PublicKeyEntryResolver.FAILING);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + authorizedKeys, e);
        }
        server.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("test", keys));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> new ShellCommand(command));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.start();
        return new InProcessSshServer(server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code /bin/sh -c COMMAND} with the channel's streams pumped to and from the process. */
    private static final class ShellCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Process process;

        ShellCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
            Thread stdin = pump(in, process.getOutputStream(), true);
            Thread stdout = pump(process.getInputStream(), out, false);
            Thread stderr = pump(process.getErrorStream(), err, false);
            Thread waiter = new Thread(() -> {
                try {
                    int code = process.waitFor();
                    stdout.join();
                    stderr.join();
                    stdin.interrupt();
                    exit.onExit(code);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sh-exit");
            waiter.setDaemon(true);
            waiter.start();
        }

        private static Thread pump(InputStream from, OutputStream to, boolean closeTarget) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = from.read(buffer)) > 0; ) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    // the process or the channel went away; the exit status tells the rest
                } finally {
                    if (closeTarget) {
                        try {
                            to.close();
                        } catch (IOException e) {
                            // already closed
                        }
                    }
                }
            }, "sh-pump");
            t.setDaemon(true);
            t.start();
            return t;
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (process != null) {
                process.destroy();
            }
        }
    }
}
