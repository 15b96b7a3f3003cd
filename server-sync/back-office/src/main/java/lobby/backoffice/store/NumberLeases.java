package lobby.backoffice.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import lobby.sync.NumberLease;

/**
 * Blocks of ticket numbers for kiosks to give out on their own, offline included, so that two
 * kiosks never print the same number: per site, day and series the numbers run from 1 to
 * {@link #LAST_NUMBER}, and each block starts where the last one granted (to any kiosk) ended.
 * Each kiosk also gets a mark, a letter of its own at the site, for the series it falls back on
 * when its blocks run out offline. Each method is one transaction.
 */
public final class NumberLeases {
    /** Numbers have three digits: B001 to B999. */
    public static final int LAST_NUMBER = 999;
    /** A kiosk asks for a morning's worth; more would strand numbers on a kiosk that breaks down. */
    public static final int MAX_BLOCK = 200;
    /** The series a site numbers in, see {@link lobby.checkin.Ticket#series}. */
    public static final Set<String> SERIES = Set.of("A", "B", "U");
    /** Kiosk marks, given in this order. */
    static final String MARKS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern LEASED_NUMBER = Pattern.compile("[A-Z][0-9]{3}");

    private final Database db;
    private final EpochStore epochs;
    private final Clock clock;

    NumberLeases(Database db, EpochStore epochs, Clock clock) {
        this.db = db;
        this.epochs = epochs;
        this.clock = clock;
    }

    /**
     * A new block of {@code size} numbers (fewer when fewer remain, none when none do) in each
     * series for the kiosk, and its mark.
     *
     * @return refused (CONFLICT) when the kiosk has no mark yet and all 26 are taken at the site
     * @throws IllegalArgumentException for a series not in {@link #SERIES} or a size outside 1 to {@link #MAX_BLOCK}
     */
    public Result<NumberLease.Grant> lease(String site, String kioskId, LocalDate day, List<String> series, int size) {
        for (String s : series) {
            if (!SERIES.contains(s)) {
                throw new IllegalArgumentException("series must be one of " + SERIES + ", was " + s);
            }
        }
        if (size < 1 || size > MAX_BLOCK) {
            throw new IllegalArgumentException("a block holds 1 to " + MAX_BLOCK + " numbers, not " + size);
        }
        return db.write("leasing " + series + " numbers of site " + site + " for " + day + " to kiosk " + kioskId, c -> {
            Optional<String> mark = mark(c, site, kioskId);
            if (mark.isEmpty()) {
                return Result.<NumberLease.Grant>refused(Result.Why.CONFLICT, "all " + MARKS.length()
                        + " kiosk marks of site " + site + " are taken; kiosk " + kioskId + " cannot get one (a site"
                        + " has at most " + MARKS.length() + " kiosks)");
            }
            List<NumberLease> leases = new ArrayList<>();
            for (String s : new java.util.LinkedHashSet<>(series)) {
                block(c, site, kioskId, day, s, size).ifPresent(leases::add);
            }
            return Result.ok(new NumberLease.Grant(leases, mark.get(), epochs.current(c), clock.instant()));
        });
    }

    /** The kiosk's mark, given now (the first free letter) if it has none; empty when none is free. */
    private Optional<String> mark(Connection c, String site, String kioskId) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kiosk, mark FROM kiosk_marks WHERE site = ?")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals(kioskId)) {
                        return Optional.of(rs.getString(2));
                    }
                    taken.add(rs.getString(2));
                }
            }
        }
        for (char letter : MARKS.toCharArray()) {
            String mark = String.valueOf(letter);
            if (!taken.contains(mark)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO kiosk_marks (site, kiosk, mark) VALUES (?, ?, ?)")) {
                    ps.setString(1, site);
                    ps.setString(2, kioskId);
                    ps.setString(3, mark);
                    ps.executeUpdate();
                }
                return Optional.of(mark);
            }
        }
        return Optional.empty();
    }

    /** The next block of the series, recorded as the kiosk's; empty when the day's numbers are all out. */
    private Optional<NumberLease> block(Connection c, String site, String kioskId, LocalDate day, String series,
                                        int size) throws SQLException {
        int first = nextFree(c, site, day, series);
        if (first > LAST_NUMBER) {
            return Optional.empty();
        }
        int last = Math.min(LAST_NUMBER, first + size - 1);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO number_leases (site, day, series, next_free) VALUES (?, ?, ?, ?)
                ON CONFLICT (site, day, series) DO UPDATE SET next_free = excluded.next_free
                """)) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            ps.setString(3, series);
            ps.setInt(4, last + 1);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO number_grants (site, day, series, kiosk, first_number, last_number, granted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            ps.setString(3, series);
            ps.setString(4, kioskId);
            ps.setInt(5, first);
            ps.setInt(6, last);
            ps.setString(7, SortableInstant.format(clock.instant()));
            ps.executeUpdate();
        }
        return Optional.of(new NumberLease(day, series, first, last));
    }

    /**
     * The first number nobody holds. The day's first lease starts after the numbers its tickets
     * already carry (kiosks from before leases numbered on their own).
     */
    private int nextFree(Connection c, String site, LocalDate day, String series) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT next_free FROM number_leases WHERE site = ? AND day = ? AND series = ?")) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            ps.setString(3, series);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
        }
        int highest = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT number FROM tickets WHERE site = ? AND day = ? AND number LIKE ?")) {
            ps.setString(1, site);
            ps.setString(2, day.toString());
            ps.setString(3, series + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String number = rs.getString(1);
                    if (LEASED_NUMBER.matcher(number).matches()) {
                        highest = Math.max(highest, Integer.parseInt(number.substring(1)));
                    }
                }
            }
        }
        return highest + 1;
    }
}
