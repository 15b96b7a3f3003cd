package lobby.backoffice;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as {@code {"error": "..."}}: a 4xx for the caller's mistakes (routes
 * throw Javalin's HttpResponseException subclasses; Javalin itself throws them for unknown
 * paths and oversized bodies) and a bare 500 for ours, whose stack trace goes to the log only.
 */
final class ApiErrors {
    /** Jackson's messages can quote much of the input; a client needs the gist. */
    static final int MAX_MESSAGE_CHARS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** The JSON body of every error answer. */
    record Body(String error) {
    }

    private ApiErrors() {
    }

    static void register(RoutesConfig routes, long maxBodyBytes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            boolean javalinsOwnLimit = e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()
                    && HttpStatus.CONTENT_TOO_LARGE.getMessage().equals(e.getMessage());
            answer(ctx, e.getStatus(), javalinsOwnLimit
                    ? "request body larger than " + maxBodyBytes + " bytes" : e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(),
                    "internal error (" + e.getClass().getSimpleName() + "); see the back office log");
        });
    }

    static void answer(Context ctx, int status, String message) {
        String text = message == null ? HttpStatus.forStatus(status).getMessage() : message;
        if (text.length() > MAX_MESSAGE_CHARS) {
            text = text.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
        ctx.status(status).json(new Body(text));
    }
}
