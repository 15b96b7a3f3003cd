package lobby.provision.ssh;

import java.nio.file.Path;

/**
 * A kiosk as the steps see it: run a shell command, copy a file. The steps are written against
 * this, not against the SSH library, so they can be read (and tested) without SSH in mind.
 * Transport failures are {@link ConnectionException}s; a command that runs and fails is a
 * {@link CommandResult} with a non-zero exit code.
 */
public interface Remote extends AutoCloseable {
    /** Runs {@code command} with the login shell of the SSH user ({@code sh -c} semantics). */
    CommandResult run(String command);

    /**
     * Runs {@code command} with {@code stdin} as its standard input. Secrets (an enrolment code,
     * a token) travel this way, never on a command line where {@code ps} or a log would show them.
     */
    CommandResult run(String command, byte[] stdin);

    /** Copies a local file to {@code remotePath} (absolute, writable by the SSH user). */
    void upload(Path local, String remotePath);

    @Override
    void close();
}
