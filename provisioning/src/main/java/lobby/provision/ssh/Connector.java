package lobby.provision.ssh;

import java.util.List;

/** Opens connections to kiosks; one per run of the tool, shared by the kiosks handled in parallel. */
public interface Connector extends AutoCloseable {
    /**
     * Connects and authenticates, checking the host key against {@code knownHosts}.
     *
     * @throws HostKeyException    the host key is unknown or does not match
     * @throws ConnectionException unreachable, refused, timed out, or our key was not accepted
     */
    Remote connect(SshTarget target, KnownHosts knownHosts);

    /**
     * The host keys the kiosk offers, one per key type it has (ed25519, ECDSA, RSA), without
     * logging in and without trusting any of them: for {@code trust-host} to compare with the
     * fingerprint the technician read off the kiosk.
     */
    List<HostKey> offeredHostKeys(String host, int port);

    @Override
    void close();
}
