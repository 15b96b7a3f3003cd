package lobby.provision.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A public host key as OpenSSH writes it: a type ("ssh-ed25519") and the key blob.
 * {@link #fingerprint()} is what {@code ssh-keygen -lf} and the kiosk's console show.
 */
public record HostKey(String type, byte[] blob) {
    public HostKey {
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** "ssh-ed25519 AAAAC3Nz...": the two fields of a known_hosts or .pub line. */
    public static HostKey parse(String typeAndBase64) {
        String[] parts = typeAndBase64.strip().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("a public key is \"TYPE BASE64\", got \"" + typeAndBase64 + "\"");
        }
        return new HostKey(parts[0], Base64.getDecoder().decode(parts[1]));
    }

    /** "SHA256:" and the unpadded base64 of the blob's SHA-256, as OpenSSH prints it. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(blob);
    }

    /** "ssh-ed25519 SHA256:...": how messages show a key. */
    public String describe() {
        return type + " " + fingerprint();
    }

    /** Accepts what a technician types: with or without "SHA256:", with or without '=' padding. */
    public static String normaliseFingerprint(String typed) {
        String bare = typed.strip();
        if (bare.regionMatches(true, 0, "SHA256:", 0, 7)) {
            bare = bare.substring(7);
        }
        return "SHA256:" + bare.replaceAll("=+$", "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostKey k && k.type.equals(type) && Arrays.equals(k.blob, blob);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return describe();
    }
}
