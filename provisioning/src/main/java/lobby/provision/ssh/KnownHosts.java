package lobby.provision.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lobby.provision.ProvisionException;

/**
 * The technicians' known_hosts file, in OpenSSH's format so it can be shared with {@code ssh}:
 * {@code [host]:port} for ports other than 22, comma-separated patterns with {@code *} and
 * {@code ?}, {@code !negations}, hashed names ({@code |1|salt|hash}, from
 * {@code HashKnownHosts yes}) and {@code @revoked} lines. Certificate authorities are not
 * supported: kiosks have plain host keys. Read once per run; {@link #trust} rewrites the file.
 */
public final class KnownHosts {
    /** What the file says about a key a kiosk offers. */
    public enum Verdict { TRUSTED, UNKNOWN_HOST, CHANGED, REVOKED }

    /** One usable line; {@code line} is 1-based, for messages. */
    record Entry(String marker, String hosts, HostKey key, int line) {
    }

    private final Path file;
    private final List<Entry> entries;

    private KnownHosts(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /** A missing file is an empty one: every host is then unknown until trusted. */
    public static KnownHosts load(Path file) {
        List<Entry> entries = new ArrayList<>();
        if (Files.exists(file)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ProvisionException("cannot read known_hosts " + file + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                Entry entry = entry(lines.get(i), i + 1);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return new KnownHosts(file, entries);
    }

    public Path file() {
        return file;
    }

    /** "[10.0.0.21]:2222", or "10.0.0.21" for port 22: the name OpenSSH looks up. */
    public static String hostName(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    public Verdict check(String host, int port, HostKey offered) {
        String name = hostName(host, port);
        boolean hostKnown = false;
        for (Entry e : entries) {
            if ("@revoked".equals(e.marker()) && e.key().equals(offered)) {
                return Verdict.REVOKED;
            }
        }
        for (Entry e : entries) {
            if (e.marker() == null && matches(e.hosts(), name)) {
                hostKnown = true;
                if (e.key().equals(offered)) {
                    return Verdict.TRUSTED;
                }
            }
        }
        return hostKnown ? Verdict.CHANGED : Verdict.UNKNOWN_HOST;
    }

    /** The keys the file holds for this host, in file order. */
    public List<HostKey> keysFor(String host, int port) {
        String name = hostName(host, port);
        List<HostKey> keys = new ArrayList<>();
        for (Entry e : entries) {
            if (e.marker() == null && matches(e.hosts(), name)) {
                keys.add(e.key());
            }
        }
        return keys;
    }

    /** The key types known for this host: the connection asks for these first, as OpenSSH does. */
    public Set<String> keyTypesFor(String host, int port) {
        Set<String> types = new LinkedHashSet<>();
        keysFor(host, port).forEach(k -> types.add(k.type()));
        return types;
    }

    /**
     * Makes {@code key} the only key for this host: drops the lines naming exactly this host
     * (plainly or hashed; lines naming it among others, and wildcard lines, are left alone, as
     * {@code ssh-keygen -R} does) and appends one. Written to a temporary file and moved, so a
     * crash never leaves half a file.
     */
    public KnownHosts trust(String host, int port, HostKey key) {
        String name = hostName(host, port);
        List<String> kept = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Entry e = entry(line, 0);
                    if (e == null || e.marker() != null || !namesExactly(e.hosts(), name)) {
                        kept.add(line);
                    }
                }
            }
            kept.add(name + " " + key.type() + " " + key.base64());
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".known_hosts", ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ProvisionException("cannot write known_hosts " + file + ": " + e.getMessage(), e);
        }
        return load(file);
    }

    private static Entry entry(String raw, int lineNo) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String[] f = line.split("\\s+");
        String marker = null;
        int i = 0;
        if (f[0].startsWith("@")) {
            marker = f[0];
            i = 1;
        }
        if (f.length < i + 3) {
            return null; // not a key line; OpenSSH skips these too
        }
        try {
            return new Entry(marker, f[i], new HostKey(f[i + 1], Base64.getDecoder().decode(f[i + 2])), lineNo);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** OpenSSH's rule: some pattern matches and no negated pattern does. */
    static boolean matches(String hosts, String name) {
        boolean matched = false;
        for (String pattern : hosts.split(",")) {
            if (pattern.startsWith("!")) {
                if (single(pattern.substring(1), name)) {
                    return false;
                }
            } else if (single(pattern, name)) {
                matched = true;
            }
        }
        return matched;
    }

    private static boolean namesExactly(String hosts, String name) {
        if (hosts.contains(",")) {
            return false;
        }
        return hosts.startsWith("|1|") ? hashedMatches(hosts, name) : hosts.toLowerCase(Locale.ROOT).equals(name);
    }

    private static boolean single(String pattern, String name) {
        if (pattern.startsWith("|1|")) {
            return hashedMatches(pattern, name);
        }
        return wildcard(pattern.toLowerCase(Locale.ROOT), 0, name, 0);
    }

    private static boolean wildcard(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (wildcard(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    /** |1|base64(salt)|base64(HMAC-SHA1(salt, name)). */
    static boolean hashedMatches(String hashed, String name) {
        String[] parts = hashed.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(expected, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | NoSuchAlgorithmException | InvalidKeyException e) {
            return false;
        }
    }
}
