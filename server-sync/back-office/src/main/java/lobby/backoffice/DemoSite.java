package lobby.backoffice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lobby.backoffice.access.Passwords;
import lobby.backoffice.store.ServerStore;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.checkin.Duty;
import lobby.checkin.Masking;
import lobby.checkin.VisitKind;
import lobby.qr.QrImages;

/**
 * A demo dealership to check in at: three advisors and a day of bookings, each with its QR code
 * as a PNG (to show a phone camera or the kiosk scanner) and as text in appointments.txt (to
 * paste where there is no camera). Seeding again, the same day or the next, updates rather than
 * duplicates: ids are derived from the day, and the site keeps its QR key.
 */
public final class DemoSite {
    public static final String SITE_ID = "demo";
    public static final String SITE_NAME = "星辰汽车广州天河4S店";
    public static final String LISTING_FILE = "appointments.txt";
    /** Big enough to scan from a phone screen held up to the kiosk camera. */
    static final int QR_PIXELS = 300;

    /** One demo booking and its code. */
    public record Code(Appointment appointment, String payload, Path png) {
    }

    /** The password of every demo login. */
    public static final String PASSWORD = "demo-pass-1";
    /** Kiosk ids with a demo token: the demo kiosk, the kiosk's end-to-end test, its benchmark. */
    public static final List<String> KIOSK_IDS = List.of("demo-kiosk-1", "lobby-1", "bench");

    /**
     * What a seeding wrote.
     *
     * @param logins      user names of the demo logins, all with {@link #PASSWORD}
     * @param displayKey  opens the lobby board: {@code /board?site=demo&key=<displayKey>}
     * @param kioskTokens bearer token per demo kiosk id ({@link #KIOSK_IDS})
     */
    public record Seeded(String siteId, LocalDate day, Path qrFolder, Path listing, List<Code> codes,
                         List<String> logins, String displayKey, Map<String, String> kioskTokens) {
        public Seeded {
            codes = List.copyOf(codes);
            logins = List.copyOf(logins);
            kioskTokens = Map.copyOf(kioskTokens);
        }

        /** The bearer token of a demo kiosk; @throws IllegalArgumentException for another id */
        public String kioskToken(String kioskId) {
            String token = kioskTokens.get(kioskId);
            if (token == null) {
                throw new IllegalArgumentException("no demo token for kiosk " + kioskId + "; demo kiosks are "
                        + KIOSK_IDS);
            }
            return token;
        }

        /** Hides the tokens: a Seeded may end up in a log line. */
        @Override
        public String toString() {
            return "Seeded[" + siteId + ", " + day + ", " + codes.size() + " codes, logins " + logins + "]";
        }
    }

    private record Booking(String time, String plate, String customer, VisitKind kind, int advisor) {
    }

    static final List<Advisor> ADVISORS = List.of(
            new Advisor("adv-chen", "陈志强", 1, 17, Duty.ON_DUTY),
            new Advisor("adv-li", "李晓婷", 2, 27, Duty.ON_DUTY),
            new Advisor("adv-huang", "黄伟明", 3, 22, Duty.ON_DUTY));

    /** Guangzhou (粤A), Shenzhen (粤B), Foshan (粤E, 粤Y) and Dongguan (粤S) plates; two new-energy ones. */
    private static final List<Booking> BOOKINGS = List.of(
            new Booking("08:30", "粤A8K2M6", "张伟", VisitKind.MAINTENANCE, 0),
            new Booking("09:00", "粤AD73521", "王芳", VisitKind.MAINTENANCE, 1),
            new Booking("09:30", "粤B5H7N3", "李娜", VisitKind.WARRANTY, 2),
            new Booking("10:00", "粤A2C9Q8", "欧阳俊杰", VisitKind.ACCIDENT, 0),
            new Booking("10:30", "粤E6T1R5", "刘洋", VisitKind.REPAIR, 1),
            new Booking("11:00", "粤AF20618", "陈静", VisitKind.REPAIR, 2),
            new Booking("11:30", "粤S3W8L9", "杨帆", VisitKind.PICKUP, 0),
            new Booking("13:30", "粤A7J4X2", "黄丽", VisitKind.MAINTENANCE, 1),
            new Booking("14:00", "粤Y9P6D1", "周杰", VisitKind.ENQUIRY, 2),
            new Booking("14:30", "粤A1N5V7", "吴敏", VisitKind.WARRANTY, 0),
            new Booking("15:30", "粤B8G3K6", "司马磊", VisitKind.REPAIR, 1),
            new Booking("17:00", "粤A4U2Z9", "郑雪", VisitKind.PICKUP, 2));

    private DemoSite() {
    }

    /** A regular customer, without a booking today, whose own advisor is desk 3's. */
    public static final lobby.sync.Regular REGULAR = new lobby.sync.Regular("粤B66666", "adv-huang");

    /** The demo bookings for a day; ids such as {@code 20250314-01} are stable for that day. */
    static List<Appointment> appointments(LocalDate day) {
        List<Appointment> out = new ArrayList<>();
        for (int i = 0; i < BOOKINGS.size(); i++) {
            Booking b = BOOKINGS.get(i);
            String id = day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%02d", i + 1);
            out.add(new Appointment(id, SITE_ID, day, LocalTime.parse(b.time()), b.plate(), b.customer(), b.kind(),
                    ADVISORS.get(b.advisor()).id()));
        }
        return out;
    }

    /**
     * Saves the demo site with the day's bookings and writes {@code <id>.png} and
     * appointments.txt into {@code qrFolder}, replacing what an earlier seeding wrote there.
     */
    public static Seeded seed(ServerStore store, LocalDate day, String statusBaseUrl, Path qrFolder) {
        return seed(store, day, statusBaseUrl, qrFolder, new Passwords(Passwords.DEFAULT_ITERATIONS));
    }

    /** As {@link #seed(ServerStore, LocalDate, String, Path)}, hashing the demo passwords with {@code passwords}. */
    public static Seeded seed(ServerStore store, LocalDate day, String statusBaseUrl, Path qrFolder,
                              Passwords passwords) {
        List<Appointment> appointments = appointments(day);
        byte[] key = store.saveSite(SITE_ID, SITE_NAME, statusBaseUrl, ADVISORS, appointments);
        store.saveRegular(SITE_ID, REGULAR);
        DemoCredentials credentials = DemoCredentials.seed(store, passwords);
        List<Code> codes = new ArrayList<>();
        try {
            Files.createDirectories(qrFolder);
            for (Appointment a : appointments) {
                String payload = AppointmentCode.payload(SITE_ID, a.day(), a.id(), key);
                Path png = qrFolder.resolve(a.id() + ".png");
                Files.write(png, QrImages.png(payload, QR_PIXELS));
                codes.add(new Code(a, payload, png));
            }
            Path listing = qrFolder.resolve(LISTING_FILE);
            String base = statusBaseUrl.endsWith("/t") ? statusBaseUrl.substring(0, statusBaseUrl.length() - 2)
                    : statusBaseUrl;
            Files.writeString(listing, access(base, credentials) + listing(day, codes), StandardCharsets.UTF_8);
            return new Seeded(SITE_ID, day, qrFolder, listing, codes, credentials.logins(), credentials.displayKey(),
                    credentials.kioskTokens());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the demo QR codes into " + qrFolder.toAbsolutePath(), e);
        }
    }

    /** The demo's doors: logins and the board's address (kiosk tokens stay out of a file others may read). */
    static String access(String baseUrl, DemoCredentials credentials) {
        return "# Logins (password " + PASSWORD + "): " + String.join(", ", credentials.logins()) + " at " + baseUrl
                + "/console\n# Lobby display: " + baseUrl + "/board?site=" + SITE_ID + "&key=" + credentials.displayKey()
                + "\n";
    }

    /** Tab-separated so a payload can be copied whole; names masked as the lobby would show them. */
    static String listing(LocalDate day, List<Code> codes) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(SITE_NAME).append(" (site ").append(SITE_ID).append(") appointments for ")
                .append(day).append('\n');
        out.append("# Paste a payload into the kiosk's scan field, or show the PNG of the same name.\n");
        out.append("# time\tcustomer\tplate\tvisit\tadvisor\tQR payload\n");
        for (Code c : codes) {
            Appointment a = c.appointment();
            Advisor advisor = ADVISORS.stream().filter(x -> x.id().equals(a.advisorId())).findFirst().orElseThrow();
            out.append(a.time()).append('\t')
                    .append(Masking.name(a.customerName())).append('\t')
                    .append(a.plate()).append('\t')
                    .append(a.kind().chinese()).append('\t')
                    .append(advisor.name()).append(" (desk ").append(advisor.desk()).append(")\t")
                    .append(c.payload()).append('\n');
        }
        return out.toString();
    }
}
