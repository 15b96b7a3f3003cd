package lobby.backoffice.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;
import lobby.sync.QueueEntry;

/**
 * Committed changes as text, for the PostgreSQL notifications that carry them to every back
 * office sharing the database: a JSON array per notification. A change too long for one
 * (PostgreSQL's limit is 8000 bytes) travels as a {@code resync} of its site instead: receivers
 * then send that site's current state, which includes the change.
 */
final class ChangeCodec {
    /** PostgreSQL refuses longer payloads; this leaves room for multi-byte rounding. */
    static final int MAX_PAYLOAD_BYTES = 7_900;

    /** What travels: one of ticket, advisor, call or appointment, by {@code type}. */
    record Wire(long id, String site, String type, QueueEntry ticket, Advisor advisor, String ticketId,
                String number, int desk, boolean recall, Appointment appointment) {
    }

    /** What a receiver gets: a change, or (change == null) word that the site must be resent whole. */
    record Decoded(String site, long id, Change change) {
        boolean resync() {
            return change == null;
        }
    }

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * The changes as few notifications as fit: JSON arrays of up to {@link #MAX_PAYLOAD_BYTES}
     * each (one round trip each, inside the write lock), in order.
     */
    List<String> encode(List<Committed> committed) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentBytes = 0;
        for (Committed c : committed) {
            String one = encodeOne(c);
            int bytes = one.getBytes(StandardCharsets.UTF_8).length;
            if (currentBytes > 0 && currentBytes + bytes + 2 > MAX_PAYLOAD_BYTES) {
                payloads.add(current.append(']').toString());
                current.setLength(0);
                currentBytes = 0;
            }
            current.append(currentBytes == 0 ? '[' : ',').append(one);
            currentBytes += bytes + 1;
        }
        if (currentBytes > 0) {
            payloads.add(current.append(']').toString());
        }
        return payloads;
    }

    private String encodeOne(Committed committed) {
        Change change = committed.change();
        Wire wire;
        if (change instanceof Change.TicketChanged t) {
            wire = new Wire(committed.eventId(), t.siteId(), "ticket", t.entry(), null, null, null, 0, false, null);
        } else if (change instanceof Change.AdvisorChanged a) {
            wire = new Wire(committed.eventId(), a.siteId(), "advisor", null, a.advisor(), null, null, 0, false, null);
        } else if (change instanceof Change.AppointmentChanged a) {
            wire = new Wire(committed.eventId(), a.siteId(), "appointment", null, null, null, null, 0, false,
                    a.appointment());
        } else {
            Change.TicketCalled c = (Change.TicketCalled) change;
            wire = new Wire(committed.eventId(), c.siteId(), "call", null, null, c.ticketId(), c.number(), c.desk(),
                    c.recall(), null);
        }
        String text = write(wire);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES - 2) {
            text = write(new Wire(committed.eventId(), change.siteId(), "resync", null, null, null, null, 0, false,
                    null));
        }
        return text;
    }

    /** @throws IllegalArgumentException for text that is not what {@link #encode} wrote */
    List<Decoded> decode(String text) {
        Wire[] wires;
        try {
            wires = json.readValue(text, Wire[].class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a change notification: " + e.getOriginalMessage(), e);
        }
        List<Decoded> out = new ArrayList<>(wires.length);
        for (Wire w : wires) {
            if (w == null || w.site() == null || w.type() == null) {
                throw new IllegalArgumentException("a change notification without site or type: " + text);
            }
            Change change = switch (w.type()) {
                case "ticket" -> new Change.TicketChanged(w.site(), w.ticket());
                case "advisor" -> new Change.AdvisorChanged(w.site(), w.advisor());
                case "call" -> new Change.TicketCalled(w.site(), w.ticketId(), w.number(), w.desk(), w.recall());
                case "appointment" -> new Change.AppointmentChanged(w.site(), w.appointment());
                case "resync" -> null;
                default -> throw new IllegalArgumentException("unknown change type " + w.type());
            };
            out.add(new Decoded(w.site(), w.id(), change));
        }
        return out;
    }

    private String write(Wire wire) {
        try {
            return json.writeValueAsString(wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write change " + wire + " as JSON", e);
        }
    }
}
