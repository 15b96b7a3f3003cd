package lobby.backoffice;

import static lobby.backoffice.TestServer.DAY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lobby.backoffice.appointments.BookingImport;
import lobby.checkin.Appointment;
import lobby.checkin.AppointmentCode;
import lobby.checkin.Plate;
import lobby.checkin.VisitKind;
import lobby.scanner.QrPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bookings through the API: made one by one or imported, listed by day, and their signed QR codes. */
class AppointmentRoutesIT {
    private static final String BOOKINGS = "/api/sites/demo/appointments";
    private static final LocalDate TOMORROW = DAY.plusDays(1);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;
    private TestServer ts;
    private Http manager;

    @BeforeEach
    void start() {
        ts = TestServer.start(dir);
        manager = ts.as("manager");
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    /** A good booking for tomorrow, with {@code changes} put over it (a null value leaves the field out). */
    private static Map<String, Object> booking(Object... changes) {
        Map<String, Object> b = new LinkedHashMap<>(Map.of("day", TOMORROW.toString(), "time", "10:00",
                "plate", "粤A·8k2m6", "customerName", "张伟", "kind", "MAINTENANCE", "advisorId", "adv-li"));
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                b.remove((String) changes[i]);
            } else {
                b.put((String) changes[i], changes[i + 1]);
            }
        }
        return b;
    }

    private JsonNode created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return ts.http.tree(r);
    }

    private List<Appointment> list(Http client, String query) {
        HttpResponse<String> r = client.get(BOOKINGS + query);
        assertEquals(200, r.statusCode(), r.body());
        return List.of(client.read(r, Appointment[].class));
    }

    private HttpResponse<String> importCsv(Http client, String csv) {
        return client.send(client.request(BOOKINGS + "/import").header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<byte[]> bytes(Http client, String path) throws Exception {
        return HttpClient.newHttpClient().send(client.request(path).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] siteKey() {
        return Base64.getDecoder().decode(ts.server.store().snapshot("demo", DAY).orElseThrow().qrKey());
    }

    @Test
    void aBookingWithoutAnIdIsCreatedWithOneAndReplacedWhenPostedAgainWithIt() {
        JsonNode made = created(manager.post(BOOKINGS, booking()));
        Appointment a = ts.http.json.convertValue(made.get("appointment"), Appointment.class);
        assertTrue(a.id().matches("20250315-[A-Z2-7]{6}"), a.id());
        assertEquals(new Appointment(a.id(), "demo", TOMORROW, LocalTime.of(10, 0), "粤A8K2M6", "张伟",
                VisitKind.MAINTENANCE, "adv-li"), a, "the plate is kept as kiosks compare it");
        assertEquals(AppointmentCode.payload("demo", TOMORROW, a.id(), siteKey()), made.get("payload").asText());
        assertEquals(BOOKINGS + "/" + a.id() + "/qr.png", made.get("qrPng").asText());

        HttpResponse<String> again = manager.post(BOOKINGS, booking("id", a.id(), "time", "08:15", "kind", "取车",
                "customerName", null, "advisorId", null));
        assertEquals(200, again.statusCode(), again.body());
        Appointment replaced = new Appointment(a.id(), "demo", TOMORROW, LocalTime.of(8, 15), "粤A8K2M6", null,
                VisitKind.PICKUP, null);
        assertEquals(replaced, ts.http.json.convertValue(ts.http.tree(again).get("appointment"), Appointment.class));

        JsonNode own = created(manager.post(BOOKINGS, booking("id", "crm_0042", "time", "09:00")));
        assertEquals("crm_0042", own.get("appointment").get("id").asText());
        assertEquals(List.of(replaced.id(), "crm_0042"), list(manager, "?day=" + TOMORROW).stream()
                .map(Appointment::id).toList(), "by time");

        HttpResponse<String> one = manager.get(BOOKINGS + "/" + a.id());
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(made.get("payload"), ts.http.tree(one).get("payload"), "a changed booking keeps its code");
        ts.assertError(404, manager.get(BOOKINGS + "/no-such-booking"));
    }

    @Test
    void theDaysListIsByTimeForTheSitesStaffAndTodayUnlessAsked() {
        List<Appointment> today = list(ts.as("adv-chen"), "");
        assertEquals(ts.server.demo().orElseThrow().codes().stream().map(DemoSite.Code::appointment).toList(), today);
        List<LocalTime> times = today.stream().map(Appointment::time).toList();
        assertEquals(times.stream().sorted().toList(), times);
        assertEquals(today, list(ts.as("admin"), "?day=" + DAY));
        assertEquals(List.of(), list(manager, "?day=2025-03-20"));
        assertTrue(ts.assertError(400, manager.get(BOOKINGS + "?day=14.03.2025")).contains("YYYY-MM-DD"));
    }

    @Test
    void aBadBookingIsRefusedWithWhatIsWrongAndNothingIsSaved() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("plate", "plate \"AB12345\" is not a Chinese plate: A plate starts with a province character");
        expected.put("advisorId", "advisorId \"adv-wang\" is not an advisor of site demo");
        expected.put("day", "day 2025-03-13 is in the past (today is 2025-03-14)");
        expected.put("kind", "kind must be one of MAINTENANCE (保养)");
        expected.put("customerName", "customerName is 41 characters long; at most 40");
        expected.put("time", "time must be HH:mm from 00:00 to 23:59, was \"24:00\"");
        expected.put("id", "id may hold 1-64 letters, digits, '-' and '_', was \"a/b\"");
        Map<String, Object> wrong = Map.of("plate", "AB12345", "advisorId", "adv-wang", "day", "2025-03-13",
                "kind", "OIL_CHANGE", "customerName", "名".repeat(41), "time", "24:00", "id", "a/b");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String message = ts.assertError(400, manager.post(BOOKINGS, booking(e.getKey(), wrong.get(e.getKey()))));
            assertTrue(message.startsWith(e.getValue()), e.getKey() + ": " + message);
        }
        assertTrue(ts.assertError(400, manager.post(BOOKINGS, booking("plate", null))).contains("plate is missing"));
        assertTrue(ts.assertError(400, manager.post(BOOKINGS, "{\"day\": ")).startsWith("malformed JSON"));
        ts.assertError(400, manager.post(BOOKINGS, "{\"day\": {\"y\": 2025}}"));
        assertEquals(List.of(), list(manager, "?day=" + TOMORROW));
    }

    @Test
    void onlyTheSitesManagersAndAdminsMakeBookingsAndSeeTheirCodes() {
        Http advisor = ts.as("adv-chen");
        String key = ts.server.demo().orElseThrow().displayKey();
        ts.assertError(403, advisor.post(BOOKINGS, booking()));
        ts.assertError(403, ts.kiosk.post(BOOKINGS, booking()));
        ts.assertError(403, ts.http.post(BOOKINGS + "?key=" + key, booking()));
        ts.assertError(401, ts.http.post(BOOKINGS, booking()));
        ts.assertError(403, importCsv(advisor, String.join(",", BookingImport.COLUMNS) + "\n"));
        ts.assertError(403, advisor.get(BOOKINGS + "/20250314-01"));
        ts.assertError(403, advisor.get(BOOKINGS + "/20250314-01/qr.png"));
        ts.assertError(403, ts.kiosk.get(BOOKINGS));
        ts.assertError(403, ts.http.get(BOOKINGS + "?key=" + key));

        ts.server.store().saveSite("sz01", "深圳店", "http://localhost/t", DemoSite.ADVISORS, List.of());
        ts.assertError(403, manager.get("/api/sites/sz01/appointments"));
        ts.assertError(403, manager.post("/api/sites/sz01/appointments", booking()));
        assertEquals(201, ts.as("admin").post(BOOKINGS, booking()).statusCode());
    }

    @Test
    void theQrPictureReadsAsTheSitesSignedCode() throws Exception {
        for (String id : List.of("20250314-01",
                created(manager.post(BOOKINGS, booking())).get("appointment").get("id").asText())) {
            HttpResponse<byte[]> png = bytes(manager, BOOKINGS + "/" + id + "/qr.png");
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png.body(), PNG_SIGNATURE.length));

            String read = QrPictures.read(png.body()).orElseThrow(() -> new AssertionError("no QR code in " + id));
            Appointment a = ts.server.store().appointments().coded("demo", id).orElseThrow().appointment();
            assertEquals(new AppointmentCode.Valid("demo", a.day(), id), AppointmentCode.read(read, "demo", siteKey()));
            assertEquals(ts.http.tree(manager.get(BOOKINGS + "/" + id)).get("payload").asText(), read);
        }
        HttpResponse<byte[]> unknown = bytes(manager, BOOKINGS + "/20250314-99/qr.png");
        assertEquals(404, unknown.statusCode());
        assertTrue(new String(unknown.body(), StandardCharsets.UTF_8).contains("no appointment 20250314-99"));
    }

    @Test
    void aFileIsImportedWholeWithQuotedNamesChineseKindsAndABom() {
        String csv = "\uFEFFid,day,time,plate,customer_name,kind,advisor_id\r\n"
                + "20250314-01,2025-03-14,08:45,粤A8K2M6,\"张伟, 先生\",保养,adv-chen\r\n"
                + ",2025-03-15,09:30,粤B5H7N3,\"O'Neil \"\"Jo\"\"\",WARRANTY,\r\n"
                + "crm-7,2025-03-15,11:00,粤AD73521,,事故理赔,adv-huang\r\n";
        HttpResponse<String> r = importCsv(manager, csv);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Map.of("imported", 3, "created", 2, "updated", 1), ts.http.read(r, Map.class));

        Appointment first = list(manager, "").get(0);
        assertEquals(new Appointment("20250314-01", "demo", DAY, LocalTime.of(8, 45), "粤A8K2M6", "张伟, 先生",
                VisitKind.MAINTENANCE, "adv-chen"), first);
        List<Appointment> tomorrow = list(manager, "?day=" + TOMORROW);
        assertEquals(2, tomorrow.size());
        assertEquals("O'Neil \"Jo\"", tomorrow.get(0).customerName());
        assertTrue(tomorrow.get(0).id().startsWith("20250315-"), tomorrow.get(0).id());
        assertEquals(new Appointment("crm-7", "demo", TOMORROW, LocalTime.of(11, 0), "粤AD73521", null,
                VisitKind.ACCIDENT, "adv-huang"), tomorrow.get(1));
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeNamingEachLine() {
        String csv = String.join("\n",
                "id,day,time,plate,customer_name,kind,advisor_id",
                "ok-1,2025-03-15,09:00,粤A8K2M6,张伟,REPAIR,adv-chen",
                "bad-3,2025-03-15,09:00,粤A8K2M6,王芳,OIL,adv-chen",
                "ok-4,2025-03-15,10:00,粤B5H7N3,\"Li, Na\",维修,",
                "bad-5,2025-03-13,09:00,XX,,REPAIR,adv-wang",
                "");
        HttpResponse<String> r = importCsv(manager, csv);
        String error = ts.assertError(400, r);
        assertTrue(error.startsWith("2 lines have problems; nothing was imported"), error);
        JsonNode lines = ts.http.tree(r).get("lines");
        assertEquals(List.of(3, 5), List.of(lines.get(0).get("line").asInt(), lines.get(1).get("line").asInt()));
        assertTrue(lines.get(0).get("problem").asText().startsWith("kind must be one of"), lines.toString());
        String five = lines.get(1).get("problem").asText();
        for (String part : List.of("day 2025-03-13 is in the past", "plate \"XX\"", "advisor_id \"adv-wang\"")) {
            assertTrue(five.contains(part), part + " not in " + five);
        }
        assertEquals(List.of(), list(manager, "?day=" + TOMORROW), "nothing of the good lines either");

        ts.assertError(400, importCsv(manager, "plate,day\n粤A8K2M6,2025-03-15\n"));
        ts.assertError(400, importCsv(manager, String.join(",", BookingImport.COLUMNS) + "\n"));
        HttpResponse<String> gbk = manager.send(manager.request(BOOKINGS + "/import").POST(
                HttpRequest.BodyPublishers.ofByteArray((String.join(",", BookingImport.COLUMNS)
                        + "\n,2025-03-15,09:00,粤A8K2M6,张伟,REPAIR,\n").getBytes(java.nio.charset.Charset.forName("GBK"))))
                .build());
        assertTrue(ts.assertError(400, gbk).contains("not UTF-8"));
    }

    @Test
    void aFileOfTooManyBookingsIsRefusedAsTooLarge() {
        StringBuilder csv = new StringBuilder(String.join(",", BookingImport.COLUMNS)).append('\n');
        for (int i = 0; i <= BookingImport.MAX_ROWS; i++) {
            csv.append(",2025-03-15,09:00,粤A8K2M6,,REPAIR,\n");
        }
        assertTrue(ts.assertError(413, importCsv(manager, csv.toString())).contains("at most 2000"));
        assertEquals(List.of(), list(manager, "?day=" + TOMORROW));
    }

    @Test
    void aKioskFollowingTheSiteHearsOfANewBookingAndTheLobbyDisplayDoesNot() throws Exception {
        String key = ts.server.demo().orElseThrow().displayKey();
        try (SseReader kiosk = SseReader.open(ts.kiosk, "/api/sites/demo/events", null);
             SseReader board = SseReader.open(ts.http, "/api/sites/demo/events?key=" + key, null)) {
            JsonNode made = created(manager.post(BOOKINGS, booking("time", "09:30")));

            SseReader.Event e = kiosk.next();
            assertEquals("appointment", e.name());
            JsonNode data = ts.http.json.readTree(e.data());
            assertEquals(made.get("appointment"), data);
            assertEquals("2025-03-15", data.get("day").asText());
            assertEquals("09:30:00", data.get("time").asText());

            assertEquals(200, manager.post("/api/advisors/adv-chen/duty", Map.of("duty", "BREAK")).statusCode());
            assertEquals("advisor", board.next().name(), "the booking was not sent to the board");
            assertEquals("advisor", kiosk.next().name());
        }
    }

    @Test
    void aBookedVehicleIsKeptWithItsLatestNameAndDay() throws Exception {
        created(manager.post(BOOKINGS, booking("plate", "粤B5H7N3", "customerName", "李娜", "day", "2025-03-20")));
        created(manager.post(BOOKINGS, booking("plate", "粤b·5h7n3", "customerName", "李娜娜")));
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ts.jdbcUrl());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT plate, customer_name, last_seen_day FROM vehicles WHERE site = ? AND plate_key = ?")) {
            ps.setString(1, "demo");
            ps.setString(2, Plate.matchKey("粤B5H7N3"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        assertEquals(List.of("粤B5H7N3 李娜娜 2025-03-20"), rows);
    }
}
