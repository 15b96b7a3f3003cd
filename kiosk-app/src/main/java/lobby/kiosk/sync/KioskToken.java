package lobby.kiosk.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's credential for the back office: given in the configuration, or obtained once with
 * a one-time enrolment code and kept in a file only the kiosk's user can read. The token itself
 * is never logged or printed.
 */
public final class KioskToken {
    private static final Logger LOG = LoggerFactory.getLogger(KioskToken.class);
    public static final String FILE = "backoffice.token";

    private final Path file;
    private volatile String token;

    private KioskToken(Path file, String token) {
        this.file = file;
        this.token = token;
    }

    /** @param configured a token from the configuration, or null */
    public static KioskToken load(Path dataDir, String configured) {
        Path file = dataDir.resolve(FILE);
        if (configured != null && !configured.isBlank()) {
            return new KioskToken(file, configured.strip());
        }
        try {
            return new KioskToken(file, Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kiosk token " + file, e);
        }
    }

    public String get() {
        return token;
    }

    public boolean present() {
        return token != null && !token.isEmpty();
    }

    /** Enrols with the code if there is no token yet; a failure is logged and retried at the next start. */
    public void enrolIfNeeded(BackOfficeClient client, String kioskId, String code) {
        if (present() || code == null || code.isBlank()) {
            return;
        }
        try {
            String fresh = client.enrol(kioskId, code.strip());
            token = fresh; // the code is spent: keep the token in memory even if the file write fails
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".new");
            Files.writeString(tmp, fresh, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                LOG.warn("cannot restrict the permissions of {}", tmp);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("kiosk {} enrolled with the back office; token stored in {}", kioskId, file);
        } catch (SyncException e) {
            LOG.error("enrolment of kiosk {} failed ({}); check the enrolment code", kioskId, e.getMessage());
        } catch (IOException e) {
            LOG.error("enrolled, but the token could not be stored in {}: {}", file, e.toString());
        }
    }
}
