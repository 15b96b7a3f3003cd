package lobby.backoffice;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.Optional;
import lobby.backoffice.access.RateLimit;
import lobby.backoffice.store.Result;

/**
 * What every route does with its input: ids and texts checked for length before they reach the
 * store, the store's refusals turned into 404/403/409, rate limits into 429. The limits are
 * generous for honest clients and keep junk out of the database and the logs.
 */
final class Requests {
    /** Ids are ours (UUIDs, "adv-chen", "demo"): 64 characters leaves room. */
    static final int MAX_ID_CHARS = 64;
    /** Names, versions, device states and the like. */
    static final int MAX_TEXT_CHARS = 200;

    private Requests() {
    }

    /** A path parameter that names something: 400 when absurdly long, else the store decides (404). */
    static String id(Context ctx, String param) {
        return id(ctx.pathParam(param), param);
    }

    static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequestResponse(field + " is missing");
        }
        if (value.length() > MAX_ID_CHARS) {
            throw new BadRequestResponse(field + " is " + value.length() + " characters long; at most " + MAX_ID_CHARS);
        }
        return value;
    }

    /** A body field that must be present and at most {@code max} characters. */
    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new BadRequestResponse(field + " is missing");
        }
        return optionalText(value, field, max);
    }

    static String optionalText(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new BadRequestResponse(field + " is " + value.length() + " characters long; at most " + max);
        }
        return value;
    }

    /** The value, or the store's refusal as 404, 403 or 409 with its message. */
    static <T> T value(Result<T> result) {
        if (result instanceof Result.Ok<T> ok) {
            return ok.value();
        }
        Result.Refused<T> no = (Result.Refused<T>) result;
        throw switch (no.why()) {
            case NOT_FOUND -> new NotFoundResponse(no.message());
            case FORBIDDEN -> new ForbiddenResponse(no.message());
            case CONFLICT -> new ConflictResponse(no.message());
        };
    }

    /** 429 with Retry-After (whole seconds, at least 1) when {@code key} is over its limit. */
    static void limit(Context ctx, RateLimit limit, String key, String who) {
        Optional<Duration> wait = limit.acquire(key);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
            ctx.header("Retry-After", Long.toString(seconds));
            throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(), who
                    + " sends requests too fast; retry in " + wait.get().toMillis() + " ms");
        }
    }
}
