package lobby.backoffice.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Optional;

/**
 * Who takes a ticket whose advisor, as a kiosk proposed it offline, is not on duty: rendezvous
 * (highest random weight) hashing. Each candidate scores hash(ticket id + ":" + advisor id) and
 * the highest wins. The answer depends on the ticket and the set of candidates only, not on
 * which kiosk pushes first or in what order the roster is read, so two kiosks that were offline
 * together, or two back offices sharing a database, reach the same advisor.
 *
 * <p>SHA-256 rather than {@code String.hashCode}: the weights must agree across versions and
 * machines, and spread evenly so that reassigned customers share out among the advisors.
 */
final class Rendezvous {
    private Rendezvous() {
    }

    /** @return empty when there are no candidates */
    static Optional<String> choose(String ticketId, Collection<String> advisorIds) {
        String best = null;
        long bestWeight = 0;
        for (String advisor : advisorIds) {
            long w = weight(ticketId, advisor);
            // Unsigned, and ties (a 2^-64 chance) to the smaller id, so the answer never depends on order.
            int cmp = best == null ? 1 : Long.compareUnsigned(w, bestWeight);
            if (cmp > 0 || (cmp == 0 && advisor.compareTo(best) < 0)) {
                best = advisor;
                bestWeight = w;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first eight bytes of SHA-256 of "ticketId:advisorId". */
    static long weight(String ticketId, String advisorId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((ticketId + ":" + advisorId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JVM", e);
        }
    }
}
