package lobby.backoffice;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads a request body as a record. Javalin's own bodyAsClass turns a malformed body into a
 * 500; here it is a 400 that says where the problem is. Only request parsing is mapped this way,
 * so a failure to write a response stays a 500.
 */
final class JsonBody {
    private JsonBody() {
    }

    /** @throws io.javalin.http.HttpResponseException 400 for bad JSON, 413 (from Javalin) past the size limit */
    static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes(); // enforces HttpConfig.maxRequestSize
        T value;
        try {
            value = mapper.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new BadRequestResponse("malformed JSON" + where(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestResponse("unreadable body: " + e.getMessage());
        }
        if (value == null) {
            throw new BadRequestResponse("expected a JSON object (" + type.getSimpleName() + "), got null");
        }
        return value;
    }

    /** " at ops[0].ticket.kind" for a mapping problem, "" when Jackson cannot say where. */
    private static String where(JacksonException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return "";
        }
        String path = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return " at " + (path.startsWith(".") ? path.substring(1) : path);
    }
}
