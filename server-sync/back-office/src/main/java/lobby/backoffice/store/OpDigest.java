package lobby.backoffice.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import lobby.sync.KioskOp;

/**
 * The fingerprint that tells a retried op (same body) from a conflicting one (same op id,
 * different body): SHA-256 of a canonical JSON form of the parsed op. Hashing the parsed value,
 * not the bytes received, makes key order, white space, unknown fields and equivalent instant
 * spellings ("…00Z" and "…00.000Z") irrelevant.
 *
 * <p>Limit: the form follows the record components, so if a model change adds a component,
 * an op sent before the upgrade and retried after it hashes differently and is rejected as a
 * conflict. Such a change needs care here: the clock fields added with issue 6 ({@code hlc},
 * {@code clockSynced}) are left out while they hold what an older kiosk's op means (no stamp, a
 * synchronised clock), so ops stored before them keep their digests.
 */
final class OpDigest {
    /** Its own mapper: the HTTP mapper's settings may change, this form must not. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private OpDigest() {
    }

    static String canonicalJson(KioskOp op) {
        try {
            ObjectNode tree = CANONICAL.valueToTree(op);
            if (op.hlc() == null) {
                tree.remove("hlc");
            }
            if (op.clockSynced()) {
                tree.remove("clockSynced");
            }
            // The tree keeps the mapper's sorted order; removing fields does not change it.
            return CANONICAL.writeValueAsString(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("a check-in op could not be serialised: " + op, e);
        }
    }

    static String sha256(KioskOp op) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(op).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JVM", e);
        }
    }
}
