package lobby.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lobby.backoffice.access.Guard;
import lobby.backoffice.access.Role;
import lobby.backoffice.appointments.BookingForm;
import lobby.backoffice.appointments.BookingImport;
import lobby.backoffice.appointments.BookingRules;
import lobby.backoffice.store.AppointmentBook;
import lobby.backoffice.store.Result;
import lobby.backoffice.store.ServerStore;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.qr.QrImages;

/**
 * Bookings: a day's list for the site's staff; one booking made or changed, or a file of them
 * imported, by its managers; and each booking's QR code (the signed payload, and as a PNG for
 * the confirmation message the customer gets). The QR code is what the customer shows the
 * kiosk, which checks its signature offline with the site's key.
 */
final class AppointmentRoutes {
    /** As the demo's codes: big enough to scan from a phone screen held up to the kiosk camera. */
    static final int QR_PIXELS = DemoSite.QR_PIXELS;
    /**
     * Tries at saving under made-up ids. Six random base-32 characters clash with another of the
     * day's bookings about once in a billion; a third clash in a row means something else is wrong.
     */
    static final int FRESH_ID_TRIES = 3;

    /** A booking as its manager gets it back: with its QR payload and where the PNG of it is. */
    record WithQr(Appointment appointment, String payload, String qrPng) {
    }

    record Imported(int imported, int created, int updated) {
    }

    /** A refused file: every bad line, so the manager fixes them all at once. */
    record ImportRefused(String error, List<BookingImport.LineProblem> lines) {
    }

    private final ServerStore store;
    private final AppointmentBook book;
    private final ObjectMapper mapper;

    AppointmentRoutes(ServerStore store, ObjectMapper mapper) {
        this.store = store;
        this.book = store.appointments();
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/sites/{site}/appointments", this::list, Role.ADVISOR, Role.MANAGER, Role.ADMIN);
        routes.post("/api/sites/{site}/appointments", this::save, Role.MANAGER, Role.ADMIN);
        routes.post("/api/sites/{site}/appointments/import", this::importFile, Role.MANAGER, Role.ADMIN);
        // The payload is as good as the printed code: whoever has it can check in with it.
        routes.get("/api/sites/{site}/appointments/{id}", this::one, Role.MANAGER, Role.ADMIN);
        routes.get("/api/sites/{site}/appointments/{id}/qr.png", this::png, Role.MANAGER, Role.ADMIN);
    }

    private void list(Context ctx) {
        String site = site(ctx);
        ctx.json(book.day(site, day(ctx)).orElseThrow(() -> unknownSite(site)));
    }

    /** Creates (201) or replaces (200) one booking; without an id it is new and gets one. */
    private void save(Context ctx) {
        String site = site(ctx);
        BookingForm form = JsonBody.read(ctx, mapper, BookingForm.class);
        BookingRules rules = rules(site);
        for (int tries = 1; ; tries++) {
            BookingRules.Checked checked = rules.check(form, BookingRules.Names.JSON);
            if (!checked.ok()) {
                throw new BadRequestResponse(String.join("; ", checked.problems()));
            }
            Appointment a = checked.appointment();
            Result<AppointmentBook.Saved> result = book.save(site, List.of(a),
                    checked.freshId() ? Set.of(a.id()) : Set.of());
            if (takenFreshId(result, checked.freshId(), tries)) {
                continue;
            }
            AppointmentBook.Saved saved = Requests.value(result);
            ctx.status(saved.created() == 1 ? HttpStatus.CREATED : HttpStatus.OK).json(coded(site, a.id()));
            return;
        }
    }

    /**
     * A CSV file of bookings (see {@link BookingImport}), all or nothing. A refused file is
     * answered with every bad line; ids made up for new bookings are not shown here (the day's
     * list has them).
     */
    private void importFile(Context ctx) {
        String site = site(ctx);
        String text = utf8(ctx.bodyAsBytes());
        BookingRules rules = rules(site);
        for (int tries = 1; ; tries++) {
            BookingImport.Outcome file = BookingImport.read(text, rules);
            if (file.rows() > BookingImport.MAX_ROWS) {
                throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "a file holds at most "
                        + BookingImport.MAX_ROWS + " bookings, this one " + file.rows() + "; split it");
            }
            if (!file.problems().isEmpty()) {
                int bad = file.problems().size();
                BookingImport.LineProblem first = file.problems().get(0);
                String error = (bad == 1 ? "1 line has a problem" : bad + " lines have problems")
                        + "; nothing was imported (line " + first.line() + ": " + first.problem() + ")";
                ctx.status(HttpStatus.BAD_REQUEST).json(new ImportRefused(error, file.problems()));
                return;
            }
            if (file.appointments().isEmpty()) {
                throw new BadRequestResponse("no bookings below the header line; nothing was imported");
            }
            Result<AppointmentBook.Saved> result = book.save(site, file.appointments(), file.freshIds());
            if (takenFreshId(result, !file.freshIds().isEmpty(), tries)) {
                continue;
            }
            AppointmentBook.Saved saved = Requests.value(result);
            ctx.json(new Imported(file.appointments().size(), saved.created(), saved.updated()));
            return;
        }
    }

    private void one(Context ctx) {
        String site = site(ctx);
        ctx.json(coded(site, Requests.id(ctx, "id")));
    }

    private void png(Context ctx) {
        String site = site(ctx);
        WithQr c = coded(site, Requests.id(ctx, "id"));
        ctx.contentType("image/png");
        // A code that checks a customer in: not for shared caches, nor for the browser's disk.
        ctx.header("Cache-Control", "private, no-store");
        ctx.result(QrImages.png(c.payload(), QR_PIXELS));
    }

    private static String site(Context ctx) {
        String site = Requests.id(ctx, "site");
        Guard.principal(ctx).requireSite(site);
        return site;
    }

    private BookingRules rules(String site) {
        List<Advisor> advisors = store.desk().advisors(site).orElseThrow(() -> unknownSite(site));
        return new BookingRules(site, store.today(), advisors.stream().map(Advisor::id).collect(Collectors.toSet()));
    }

    private WithQr coded(String site, String id) {
        AppointmentBook.Coded c = book.coded(site, id)
                .orElseThrow(() -> new NotFoundResponse("no appointment " + id + " at site " + site));
        return new WithQr(c.appointment(), c.payload(),
                "/api/sites/" + segment(site) + "/appointments/" + segment(id) + "/qr.png");
    }

    /** A made-up id was taken (by a booking saved meanwhile): worth another try, with another id. */
    private static boolean takenFreshId(Result<AppointmentBook.Saved> result, boolean freshIds, int tries) {
        return freshIds && tries < FRESH_ID_TRIES && result instanceof Result.Refused<AppointmentBook.Saved> no
                && no.why() == Result.Why.CONFLICT;
    }

    private LocalDate day(Context ctx) {
        String day = ctx.queryParam("day");
        if (day == null || day.isBlank()) {
            return store.today();
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("day must be YYYY-MM-DD, was \""
                    + Requests.optionalText(day, "day", Requests.MAX_ID_CHARS) + "\"");
        }
    }

    /** Strictly: a file saved in the local code page (GBK) would otherwise import garbled names. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestResponse("the file is not UTF-8 text; save it as \"CSV UTF-8\" (Excel) and send it again");
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static NotFoundResponse unknownSite(String site) {
        return new NotFoundResponse("unknown site " + site);
    }
}
