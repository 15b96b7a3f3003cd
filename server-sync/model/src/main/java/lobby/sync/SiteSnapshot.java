package lobby.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lobby.checkin.Advisor;
import lobby.checkin.Appointment;

/**
 * Everything a kiosk needs to check people in on its own: the site, its roster and the day's
 * appointments, and the key that verifies appointment QR codes offline.
 *
 * @param qrKey base64 of the site's QR signing key
 * @param statusBaseUrl where a ticket's live status page lives: {@code <statusBaseUrl>/<ticket id>}
 * @param regulars      vehicles whose customers have their own advisor
 * @param receptionMinutes the site's recent average reception time, for wait estimates
 * @param epoch         the server's data epoch (see {@link PushResult#epoch}); null from older servers
 */
public record SiteSnapshot(String siteId, String siteName, LocalDate day, Instant serverTime,
                           String qrKey, String statusBaseUrl, List<Advisor> advisors,
                           List<Appointment> appointments, List<Regular> regulars, int receptionMinutes,
                           String epoch) {
    public SiteSnapshot {
        advisors = List.copyOf(advisors);
        appointments = List.copyOf(appointments);
        regulars = regulars == null ? List.of() : List.copyOf(regulars);
        if (receptionMinutes <= 0) {
            receptionMinutes = (int) lobby.queue.WaitEstimate.DEFAULT_RECEPTION_TIME.toMinutes();
        }
    }

    public SiteSnapshot(String siteId, String siteName, LocalDate day, Instant serverTime, String qrKey,
                        String statusBaseUrl, List<Advisor> advisors, List<Appointment> appointments,
                        List<Regular> regulars, int receptionMinutes) {
        this(siteId, siteName, day, serverTime, qrKey, statusBaseUrl, advisors, appointments, regulars,
                receptionMinutes, null);
    }
}
