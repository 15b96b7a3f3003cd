package lobby.backoffice.appointments;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lobby.checkin.Appointment;
import lobby.checkin.Plate;
import lobby.checkin.VisitKind;

/**
 * What makes a booking acceptable at one site on one day: a day from today to
 * {@link #MAX_DAYS_AHEAD} days ahead, a time of day to the minute, a plate a kiosk can match
 * (see {@link Plate}), a known kind of visit and, if named, an advisor of the site. Every
 * problem of a booking is reported, not only the first, so a manager fixes a line of a file
 * once. The plate is kept as {@link Plate#parse} writes it (upper case, no separators), which
 * is how kiosks compare plates typed at the screen.
 */
public final class BookingRules {
    /** A year and a day: a booking for the same date next year still fits. */
    public static final int MAX_DAYS_AHEAD = 366;
    /** Room for any Chinese name (and most foreign ones) on the ticket and the console. */
    public static final int MAX_NAME_CHARS = 40;
    /**
     * Ids end up in QR codes, URLs and file names: plain characters, no dots (the QR payload's
     * separator), at most what {@link lobby.checkin.AppointmentCode} takes.
     */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Letters of the made-up part of new ids: RFC 4648 base 32 (A-Z, 2-7), no 0 or 1 to take for O or I. */
    static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final int ID_RANDOM_CHARS = 6;
    /** Longer than any plate, shorter than a message quoting a pasted paragraph. */
    static final int MAX_PLATE_CHARS = 16;
    /** How much of a wrong value a message quotes. */
    static final int QUOTE_CHARS = 24;

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::00)?");
    /** How Excel writes dates on Chinese systems, beside ISO's 2025-03-14. */
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the fields are called where the booking came from, so that messages use the caller's words. */
    public enum Names {
        JSON("customerName", "advisorId"),
        CSV("customer_name", "advisor_id");

        final String customerName;
        final String advisorId;

        Names(String customerName, String advisorId) {
            this.customerName = customerName;
            this.advisorId = advisorId;
        }
    }

    /**
     * A booking checked: the appointment, or the problems found (then appointment is null).
     *
     * @param freshId the form had no id and the appointment has one made up here
     */
    public record Checked(Appointment appointment, boolean freshId, List<String> problems) {
        public Checked {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final String siteId;
    private final LocalDate today;
    private final Set<String> advisorIds;
    private final Function<LocalDate, String> ids;

    /**
     * @param today      the server's date: bookings for earlier days are refused
     * @param advisorIds the site's advisors, one of whom a booking may name
     */
    public BookingRules(String siteId, LocalDate today, Set<String> advisorIds) {
        this(siteId, today, advisorIds, BookingRules::randomId);
    }

    /** With the ids new bookings get made by {@code ids} (a test's, to make them clash). */
    BookingRules(String siteId, LocalDate today, Set<String> advisorIds, Function<LocalDate, String> ids) {
        this.siteId = siteId;
        this.today = today;
        this.advisorIds = Set.copyOf(advisorIds);
        this.ids = ids;
    }

    public Checked check(BookingForm form, Names names) {
        List<String> problems = new ArrayList<>();
        String id = blankToNull(form.id());
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("id may hold 1-64 letters, digits, '-' and '_', was " + quote(id));
        }
        LocalDate day = day(form.day(), problems);
        LocalTime time = time(form.time(), problems);
        String plate = plate(form.plate(), problems);
        String name = customerName(form.customerName(), names, problems);
        VisitKind kind = kind(form.kind(), problems);
        String advisorId = advisorId(form.advisorId(), names, problems);
        if (!problems.isEmpty()) {
            return new Checked(null, false, problems);
        }
        return new Checked(new Appointment(id == null ? newId(day) : id, siteId, day, time, plate, name, kind,
                advisorId), id == null, List.of());
    }

    /** An id for a new booking of that day. */
    public String newId(LocalDate day) {
        return ids.apply(day);
    }

    /**
     * {@code yyyyMMdd-} and six random base-32 characters: sorted by day, and a clash with
     * another of the day's bookings unlikely (the store refuses one anyway).
     */
    static String randomId(LocalDate day) {
        StringBuilder id = new StringBuilder(ID_DAY.format(day)).append('-');
        for (int i = 0; i < ID_RANDOM_CHARS; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private LocalDate day(String text, List<String> problems) {
        String value = blankToNull(text);
        if (value == null) {
            problems.add("day is missing (YYYY-MM-DD)");
            return null;
        }
        LocalDate day = parseDay(value);
        if (day == null) {
            problems.add("day must be YYYY-MM-DD, was " + quote(value));
        } else if (day.isBefore(today)) {
            problems.add("day " + day + " is in the past (today is " + today + ")");
        } else if (day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            problems.add("day " + day + " is more than " + MAX_DAYS_AHEAD + " days ahead (today is " + today + ")");
        }
        return day;
    }

    private static LocalDate parseDay(String value) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED)) {
            try {
                return LocalDate.parse(value, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    private static LocalTime time(String text, List<String> problems) {
        String value = blankToNull(text);
        if (value == null) {
            problems.add("time is missing (HH:mm)");
            return null;
        }
        Matcher m = TIME.matcher(value);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour <= 23 && minute <= 59) {
                return LocalTime.of(hour, minute);
            }
        }
        problems.add("time must be HH:mm from 00:00 to 23:59, was " + quote(value));
        return null;
    }

    private static String plate(String text, List<String> problems) {
        String value = blankToNull(text);
        if (value == null) {
            problems.add("plate is missing");
            return null;
        }
        if (value.length() > MAX_PLATE_CHARS) {
            problems.add("plate is " + value.length() + " characters long; at most " + MAX_PLATE_CHARS);
            return null;
        }
        Plate.Parsed parsed = Plate.parse(value);
        if (!parsed.valid()) {
            problems.add("plate " + quote(value) + " is not a Chinese plate: " + parsed.problem().english() + " ("
                    + parsed.problem().chinese() + ")");
            return null;
        }
        return parsed.plate().text();
    }

    private static String customerName(String text, Names names, List<String> problems) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        int chars = value.codePointCount(0, value.length());
        if (chars > MAX_NAME_CHARS) {
            problems.add(names.customerName + " is " + chars + " characters long; at most " + MAX_NAME_CHARS);
        } else if (value.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(names.customerName + " holds a control character (a line break or tab?)");
        }
        return value;
    }

    private static VisitKind kind(String text, List<String> problems) {
        String value = blankToNull(text);
        for (VisitKind k : VisitKind.values()) {
            if (value != null && (k.name().equals(value.toUpperCase(Locale.ROOT)) || k.chinese().equals(value))) {
                return k;
            }
        }
        String choices = Arrays.stream(VisitKind.values()).map(k -> k.name() + " (" + k.chinese() + ")")
                .collect(Collectors.joining(", "));
        problems.add(value == null ? "kind is missing: one of " + choices
                : "kind must be one of " + choices + "; was " + quote(value));
        return null;
    }

    private String advisorId(String text, Names names, List<String> problems) {
        String value = blankToNull(text);
        if (value != null && !advisorIds.contains(value)) {
            problems.add(names.advisorId + " " + quote(value) + " is not an advisor of site " + siteId
                    + " (its advisors: " + String.join(", ", new TreeSet<>(advisorIds)) + ")");
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The value in quotes, cut short: messages quote what was sent, not a whole pasted paragraph. */
    static String quote(String value) {
        String cut = value.codePointCount(0, value.length()) > QUOTE_CHARS
                ? value.substring(0, value.offsetByCodePoints(0, QUOTE_CHARS)) + "…" : value;
        return "\"" + cut + "\"";
    }
}
