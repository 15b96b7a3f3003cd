package lobby.backoffice.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as stored: fixed-width UTC text, {@code uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ}, always nine
 * fraction digits, so that text order is time order (Instant's own toString drops zero
 * fractions, and "08:00:00Z" would sort after "08:00:00.5Z").
 *
 * <p>Written and read by hand: {@code DateTimeFormatter} costs several microseconds a call, and
 * a check-in writes and reads a few of these inside the write lock that every push waits for.
 * Text of any other shape (older rows, hand-made data) is read with {@link Instant#parse}.
 */
final class SortableInstant {
    static final int LENGTH = 30;

    private SortableInstant() {
    }

    static String format(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new IllegalArgumentException("an instant outside years 0-9999 cannot be stored: " + at);
        }
        StringBuilder b = new StringBuilder(LENGTH);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('.');
        pad(b, t.getNano(), 9).append('Z');
        return b.toString();
    }

    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(29) != 'Z') {
            return Instant.parse(text);
        }
        try {
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                    digits(text, 14, 16), digits(text, 17, 19), digits(text, 20, 29)).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return Instant.parse(text); // its message names the problem
        }
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new NumberFormatException("not a digit at " + i + " of " + s);
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
