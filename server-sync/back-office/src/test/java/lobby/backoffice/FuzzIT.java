package lobby.backoffice;

import static lobby.backoffice.TestServer.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lobby.checkin.VisitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of malformed requests from callers with valid credentials (so they get past the
 * guard to the handlers): random and truncated bodies, wrong types, huge strings, deep nesting,
 * odd numbers, bad ids, paths, queries and headers. None may get a 5xx or a stack trace.
 * The random choices are seeded, so a failure repeats.
 */
class FuzzIT {
    static final long SEED = 20250314L;
    static final int MIN_REQUESTS = 200;

    @TempDir
    Path dir;

    private record Target(String method, String path) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("POST", "/api/sync/push"),
            new Target("POST", "/api/login"),
            new Target("POST", "/api/tickets/t1/transfer"),
            new Target("POST", "/api/tickets/t1/call"),
            new Target("POST", "/api/advisors/adv-chen/duty"),
            new Target("POST", "/api/advisors/me/duty"),
            new Target("POST", "/api/kiosks/enrolment-codes"),
            new Target("POST", "/api/kiosks/enrol"),
            new Target("POST", "/api/kiosks/demo-kiosk-1/heartbeat"),
            new Target("GET", "/api/sites/demo/stats"),
            new Target("GET", "/api/sites/demo/queue"),
            new Target("POST", "/api/sites/demo/appointments"),
            new Target("POST", "/api/sites/demo/appointments/import"));

    /** Files an import may be sent: broken quotes, odd bytes, headers of nothing, lines past any sense. */
    private static final List<String> MALFORMED_CSV = List.of("", "\uFEFF", "\"", "id,day,time,plate,customer_name,kind,advisor_id\n\"",
            "id,day,time,plate,customer_name,kind,advisor_id\n" + ",".repeat(50_000),
            "id,day,time,plate,customer_name,kind,advisor_id\n\u0000,\u0000,\u0000,\u0000,\u0000,\u0000,\u0000",
            "id,day,time,plate,customer_name,kind,advisor_id\n" + "x".repeat(100_000) + ",2025-03-15,09:00,粤A8K2M6,,REPAIR,",
            "id,day,time,plate,customer_name,kind,advisor_id\n,+999999999-12-31,99:99,粤A8K2M6,,REPAIR,",
            "id,id,id\n1,2,3", "\r\r\r\n\n", "id,day,time,plate,customer_name,kind,advisor_id\n\"a\"b\"c,,,,,,");

    private static final String VALID_PUSH = """
            {"kioskId": "demo-kiosk-1", "ops": [{"opId": "o1", "kioskId": "demo-kiosk-1", "seq": 1, "type": "CHECK_IN",
              "ticket": {"id": "f1", "siteId": "demo", "kioskId": "demo-kiosk-1", "day": "2025-03-14", "number": "B001",
                "kind": "REPAIR", "advisorId": "adv-li", "appointmentId": null, "plate": "粤A12345", "waitInLounge": false,
                "issuedAt": "2025-03-14T01:00:00Z", "estimatedWaitMinutes": 0}}]}
            """;

    private static final List<String> WRONG_VALUES = List.of("null", "true", "-1", "0", "1e999999",
            "99999999999999999999999999", "[]", "{}", "[[[]]]", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "3.5",
            "\"2025-13-45T99:99:99Z\"", "\"UNKNOWN\"", "{\"$ne\": 1}");

    private final Random random = new Random(SEED);

    private String body(String validPush) {
        return switch (random.nextInt(10)) {
            case 0 -> randomText(random.nextInt(200));
            case 1 -> validPush.substring(0, random.nextInt(validPush.length()));
            case 2 -> wrongType(validPush);
            case 3 -> validPush.replace("\"B001\"", "\"" + "号".repeat(random.nextInt(300_000)) + "\"");
            case 4 -> "[".repeat(5_000 + random.nextInt(50_000)) + "]".repeat(random.nextInt(10));
            case 5 -> "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
            case 6 -> "{\"username\": " + pick(WRONG_VALUES) + ", \"password\": " + pick(WRONG_VALUES)
                    + ", \"duty\": " + pick(WRONG_VALUES) + ", \"toAdvisorId\": " + pick(WRONG_VALUES)
                    + ", \"siteId\": " + pick(WRONG_VALUES) + ", \"kioskId\": " + pick(WRONG_VALUES)
                    + ", \"code\": " + pick(WRONG_VALUES) + ", \"devices\": " + pick(WRONG_VALUES)
                    + ", \"pendingOps\": " + pick(WRONG_VALUES) + ", \"lastSync\": " + pick(WRONG_VALUES)
                    + ", \"day\": " + pick(WRONG_VALUES) + ", \"time\": " + pick(WRONG_VALUES)
                    + ", \"plate\": " + pick(WRONG_VALUES) + ", \"id\": " + pick(WRONG_VALUES) + "}";
            case 7 -> "{\"kioskId\": \"demo-kiosk-1\", \"ops\": [" + "null,".repeat(random.nextInt(300)) + "null]}";
            case 8 -> "{\"devices\": [" + "{\"device\": \"d\"},".repeat(random.nextInt(100)) + "{}]}";
            default -> "\uFEFF" + validPush.replace("\"seq\": 1", "\"seq\": " + pick(WRONG_VALUES));
        };
    }

    private String wrongType(String json) {
        String[] fields = {"\"kioskId\": \"demo-kiosk-1\"", "\"seq\": 1", "\"type\": \"CHECK_IN\"", "\"day\": \"2025-03-14\"",
            "\"kind\": \"REPAIR\"", "\"waitInLounge\": false", "\"issuedAt\": \"2025-03-14T01:00:00Z\"",
            "\"estimatedWaitMinutes\": 0", "\"ops\": ["};
        String field = pick(List.of(fields));
        String name = field.substring(0, field.indexOf(':') + 1);
        return json.replaceFirst(java.util.regex.Pattern.quote(field),
                java.util.regex.Matcher.quoteReplacement(name + " " + pick(WRONG_VALUES) + (field.endsWith("[") ? ", [" : "")));
    }

    private String randomText(int length) {
        StringBuilder b = new StringBuilder();
        String alphabet = "{}[]\",:0123456789abcdeftrunl \\/\n\t号é\u0000";
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static final List<String> BAD_PATHS = List.of(
            "/api/tickets/%00/call", "/api/tickets/..%2F..%2Fetc%2Fpasswd/call", "/api/tickets/" + "x".repeat(3_000) + "/call",
            "/api/tickets//call", "/api/tickets/%E5%8F%B7/status", "/api/sites/%20/queue", "/api/sites/demo/queue?day=",
            "/api/sites/demo/queue?day=9999999-99-99", "/api/sites/demo/snapshot?day=2025-02-30",
            "/api/sites/demo/stats?period=%00", "/api/sites/demo/stats?date=0000-00-00&period=week",
            "/api/sites/demo/stats?targetSeconds=1e9", "/api/sites/demo/stats.csv?period=month&date=-999999999-01-01",
            "/api/sites/demo/stats?date=+999999999-12-31&period=month", "/api/sites/" + "s".repeat(70) + "/board",
            "/api/advisors/%FF/duty", "/api/kiosks/%2e%2e/token", "/api/sites/demo/events?lastEventId=-1",
            "/api/tickets/t1/status?x=" + "y".repeat(5_000), "/api/nothing/../sites/demo/queue", "/api/sites/demo/kiosks/",
            "/api/tickets/t1/CALL", "/API/sites/demo/queue", "/api/sites/demo/queue;jsessionid=1", "/t/%00",
            "/board?site=%00&key=%00", "/web/..%2Fsecret.js", "/web/" + "a".repeat(300) + ".js",
            "/api/sites/demo/appointments?day=2025-02-30", "/api/sites/demo/appointments?day=%00",
            "/api/sites/demo/appointments/%00/qr.png", "/api/sites/demo/appointments/" + "a".repeat(100) + "/qr.png",
            "/api/sites/demo/appointments/..%2F20250314-01", "/api/sites/demo/appointments/import/qr.png");

    @Test
    void noMalformedRequestGetsA5xxOrAStackTrace() {
        try (TestServer ts = TestServer.start(dir, o -> o.withKioskRateLimit(Double.POSITIVE_INFINITY, 1))) {
            ts.push(checkIn("t1", 1, VisitKind.REPAIR, "adv-chen", Instant.parse("2025-03-14T01:00:00Z")));
            List<Http> callers = List.of(ts.kiosk, ts.as("adv-chen"), ts.as("manager"), ts.as("admin"), ts.http);
            List<String> failures = new ArrayList<>();
            int sent = 0;
            for (int i = 0; i < 150; i++) {
                Target t = pick(TARGETS);
                String body = t.method().equals("GET") ? null : body(VALID_PUSH);
                sent += check(send(pick(callers), t.method(), t.path(), body), t.method() + " " + t.path(), failures);
            }
            for (String path : BAD_PATHS) {
                for (String method : List.of("GET", "POST", "DELETE", "PUT")) {
                    sent += check(send(pick(callers), method, path, method.equals("GET") ? null : randomText(50)),
                            method + " " + path, failures);
                }
            }
            for (String[] header : List.of(new String[] {"Authorization", "Bearer " + "x".repeat(4_000)},
                    new String[] {"Authorization", "Bearer"}, new String[] {"Authorization", "bearer abc"},
                    new String[] {"Cookie", "lobby_session=" + "%".repeat(100)}, new String[] {"Cookie", "lobby_session="},
                    new String[] {"Last-Event-ID", "9".repeat(40)}, new String[] {"Last-Event-ID", "1e3"},
                    new String[] {"Accept", "text/event-stream"}, new String[] {"Content-Type", "text/plain; charset=gb2312"})) {
                for (Target t : TARGETS) {
                    HttpRequest req = ts.http.request(t.path()).header(header[0], header[1])
                            .method(t.method(), t.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body(VALID_PUSH))).build();
                    sent += check(ts.http.send(req), header[0] + " on " + t.path(), failures);
                }
            }
            for (String csv : MALFORMED_CSV) {
                for (Http caller : callers.subList(2, 4)) {
                    sent += check(send(caller, "POST", "/api/sites/demo/appointments/import", csv),
                            "import of " + csv.substring(0, Math.min(40, csv.length())), failures);
                }
            }
            byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{', '}'};
            sent += check(ts.kiosk.send(ts.kiosk.request("/api/sync/push")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8)).build()), "bytes that are not UTF-8", failures);

            assertEquals(List.of(), failures);
            assertTrue(sent >= MIN_REQUESTS, "only " + sent + " requests");
            assertEquals(200, ts.http.get("/api/health").statusCode(), "still serving");
        }
    }

    /**
     * Sends on the caller's client, and once more on a fresh connection if the pooled one was
     * dead: Jetty closes a connection after refusing some requests before reading their body, and
     * java.net.http does not retry a POST on a kept-alive connection the server has just closed
     * (a browser would). Failing twice is a failure of the test.
     */
    private static HttpResponse<String> send(Http client, String method, String path, String body) {
        try {
            return client.send(method, path, body);
        } catch (java.io.UncheckedIOException first) {
            HttpRequest.Builder b = client.request(path).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException again) {
                throw new AssertionError(method + " " + path + " got no answer, twice: " + again, first);
            }
        }
    }

    private static int check(HttpResponse<String> r, String what, List<String> failures) {
        String body = r.body() == null ? "" : r.body();
        if (r.statusCode() >= 500 || body.contains("Exception") || body.contains("\tat ")) {
            failures.add(what + " -> " + r.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
        }
        return 1;
    }
}
