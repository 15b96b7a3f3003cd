package lobby.provision.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import lobby.provision.ProvisionException;

/**
 * The kiosk distribution being deployed: a .tar.gz holding bin/lobby-kiosk, lib/*.jar and
 * VERSION, either at the top or inside one folder (which is then what becomes the release).
 *
 * @param topDir "" or the single folder the archive wraps everything in, with a trailing '/'
 */
public record Release(Path file, String version, String sha256, long size, String topDir) {
    /** Versions become folder names and shell words: keep them plain. */
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+~-]{0,63}");
    static final String LAUNCHER = "bin/lobby-kiosk";

    /**
     * @param version the version to deploy as, or null for the VERSION file in the archive, or else
     *                the archive's name without .tar.gz
     */
    public static Release load(Path file, String version) {
        if (!Files.isRegularFile(file)) {
            throw new ProvisionException("distribution " + file + " does not exist");
        }
        Map<String, String> entries;
        try {
            entries = Tarball.entries(file);
        } catch (IOException e) {
            throw new ProvisionException("distribution " + file + " is not a readable .tar.gz: " + e.getMessage(), e);
        }
        String top = topDir(entries);
        if (top == null) {
            throw new ProvisionException("distribution " + file + " holds no " + LAUNCHER
                    + " (at the top or in one folder): not a kiosk distribution");
        }
        String chosen = version;
        if (chosen == null) {
            String inside = entries.get(top + "VERSION");
            chosen = inside != null && !inside.isBlank() ? inside.strip()
                    : file.getFileName().toString().replaceFirst("\\.(tar\\.gz|tgz)$", "");
        }
        if (!VERSION.matcher(chosen).matches()) {
            throw new ProvisionException("version \"" + chosen + "\" may hold letters, digits and . _ + ~ - only"
                    + (version == null ? " (give one with --version)" : ""));
        }
        return new Release(file, chosen, sha256(file), size(file), top);
    }

    private static String topDir(Map<String, String> entries) {
        if (entries.containsKey(LAUNCHER)) {
            return "";
        }
        String found = null;
        for (String name : entries.keySet()) {
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals(LAUNCHER)) {
                if (found != null) {
                    return null; // two candidates: ambiguous
                }
                found = name.substring(0, slash + 1);
            }
        }
        return found;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ProvisionException("cannot read distribution " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ProvisionException("cannot read distribution " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The Debian release the tarball was built for, from its name as kiosk-app's build names it
     * ("lobby-kiosk-0.1.0-trixie-aarch64.tar.gz"), or null when the name does not say. The two
     * differ in their JavaFX natives (trixie's need glibc 2.38, which bookworm lacks).
     */
    public String builtFor() {
        String name = file.getFileName().toString();
        for (String codename : OsStep.JAVA_BY_CODENAME.keySet()) {
            if (name.contains("-" + codename)) {
                return codename;
            }
        }
        return null;
    }

    /** "12.3 MB": for progress lines. */
    public String sizeText() {
        return size < 1_000_000 ? (size + 999) / 1000 + " kB" : String.format("%.1f MB", size / 1e6);
    }
}
