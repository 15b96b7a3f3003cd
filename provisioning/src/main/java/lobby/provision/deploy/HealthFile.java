package lobby.provision.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the kiosk last wrote to its health file (every 10 s):
 * {@code {"version","at","pid","ok","devices":[{"device","state","detail"}],"lastSync","pending"}}.
 * Missing fields are null rather than errors: an older kiosk writes fewer of them.
 */
public record HealthFile(String version, Instant at, Long pid, Boolean ok, List<Device> devices, String lastSync,
                         Integer pending) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Device(String device, String state, String detail) {
    }

    /** @throws IllegalArgumentException when it is not such a JSON object */
    public static HealthFile parse(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<Device> devices = new ArrayList<>();
        for (JsonNode d : n.path("devices")) {
            devices.add(new Device(text(d, "device"), text(d, "state"), text(d, "detail")));
        }
        Instant at = null;
        String atText = text(n, "at");
        if (atText != null) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"at\" is not an ISO instant: " + atText);
            }
        }
        return new HealthFile(text(n, "version"), at, n.hasNonNull("pid") ? n.get("pid").asLong() : null,
                n.hasNonNull("ok") ? n.get("ok").asBoolean() : null, List.copyOf(devices), text(n, "lastSync"),
                n.hasNonNull("pending") ? n.get("pending").asInt() : null);
    }

    /** "printer ONLINE, lamps ONLINE". */
    public String devicesText() {
        return devices.isEmpty() ? "no devices reported" : devices.stream()
                .map(d -> d.device() + " " + d.state()).collect(Collectors.joining(", "));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
