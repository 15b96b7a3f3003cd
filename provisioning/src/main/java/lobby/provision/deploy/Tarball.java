package lobby.provision.deploy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the names (and small text files) of a .tar.gz without extracting it, to find the release's
 * VERSION and check it is a kiosk distribution before anything is uploaded. Understands ustar,
 * GNU long names and pax path records: what GNU tar, bsdtar and Maven's assembly plugin write.
 */
final class Tarball {
    private static final int BLOCK = 512;
    /** VERSION files and the like; anything bigger is not read into memory. */
    private static final int MAX_TEXT = 4096;

    private Tarball() {
    }

    /** Entry names (without "./") mapped to their text when small regular files, else to "". */
    static Map<String, String> entries(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String longName = null;
            byte[] header = new byte[BLOCK];
            while (readFully(in, header)) {
                if (allZero(header)) {
                    break;
                }
                String name = text(header, 0, 100);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String prefix = "ustar".equals(text(header, 257, 5)) ? text(header, 345, 155) : "";
                byte[] data = null;
                if (type == 'L' || type == 'x' || (size <= MAX_TEXT && (type == '0' || type == 0))) {
                    data = in.readNBytes((int) size);
                    skip(in, padding(size));
                } else {
                    skip(in, size + padding(size));
                }
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type == 'x') {
                    longName = paxPath(new String(data, StandardCharsets.UTF_8));
                    continue;
                }
                String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                full = full.replaceFirst("^(\\./)+", "");
                if (full.isEmpty() || full.equals(".")) {
                    continue;
                }
                entries.put(full, data == null ? "" : new String(data, StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 6);
            }
        }
        return null;
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, block.length);
        if (n == 0) {
            return false;
        }
        if (n < block.length) {
            throw new IOException("the archive ends inside a header: truncated download?");
        }
        return true;
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the archive ends inside a file: truncated download?");
                }
                n = 1;
            }
            left -= n;
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int offset, int length) throws IOException {
        String s = text(b, offset, length).strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive (bad size field \"" + s + "\")");
        }
    }
}
