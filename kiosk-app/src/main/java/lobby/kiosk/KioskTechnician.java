package lobby.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lobby.checkin.Ticket;
import lobby.device.DeviceHealth;
import lobby.kiosk.sync.SyncAgent;
import lobby.kiosk.ui.Technician;
import lobby.printer.PrintOutcome;
import lobby.printer.TicketLayout;

/** The technician screen's view of a running kiosk. */
final class KioskTechnician implements Technician {
    static final Duration LAMP_TEST_LIMIT = Duration.ofSeconds(30);

    private final Kiosk kiosk;
    private final String pin;
    private final Clock clock;

    KioskTechnician(Kiosk kiosk, String pin, Clock clock) {
        this.kiosk = kiosk;
        this.pin = pin;
        this.clock = clock;
    }

    @Override
    public boolean pinMatches(String typed) {
        if (pin == null || pin.isEmpty() || typed == null) {
            return false;
        }
        return MessageDigest.isEqual(pin.getBytes(StandardCharsets.UTF_8), typed.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        KioskConfig c = kiosk.config();
        lines.add("Kiosk " + c.kioskId() + " of site " + c.siteId() + ", version " + KioskMain.version());
        lines.add(kiosk.printer().health().toString());
        kiosk.lamps().health().forEach(h -> lines.add(h.toString()));
        SyncAgent.SyncStatus s = kiosk.sync().status();
        lines.add("Back office " + c.backOffice() + ": " + (s.online() ? "online" : "OFFLINE") + ", last sync "
                + (s.lastSuccess() == null ? "never" : s.lastSuccess()) + ", " + s.pending() + " pending"
                + (s.problem().isEmpty() ? "" : " (" + s.problem() + ")"));
        lines.add(kiosk.clockLine());
        List<lobby.kiosk.store.OutboxStore.DeadLetter> dead = kiosk.store().outbox().deadLetters();
        lines.add(dead.isEmpty() ? "No ops refused by the back office"
                : "Refused by the back office (kept, not sent again): " + dead.size());
        dead.stream().skip(Math.max(0, dead.size() - 5)).forEach(d -> lines.add("  seq " + d.seq() + " " + d.type()
                + ": " + d.reason()));
        kiosk.store().roster().site().ifPresent(site -> lines.add("Roster and appointments received "
                + site.receivedAt()));
        List<Ticket> unprinted = kiosk.store().queue().unprinted(LocalDate.now(clock));
        lines.add(unprinted.isEmpty() ? "No unprinted tickets today" : "Unprinted tickets today: " + unprinted.size());
        unprinted.stream().skip(Math.max(0, unprinted.size() - 5))
                .forEach(t -> lines.add("  " + t.number() + " at " + t.issuedAt()));
        return lines;
    }

    @Override
    public String testPrint() {
        PrintOutcome out = kiosk.printer().print(new TicketLayout(kiosk.siteName(), "TEST",
                List.of("测试打印 Test print", "Kiosk " + kiosk.config().kioskId(), "Time " + clock.instant()),
                null, List.of("打印正常 Printer OK")));
        return out.printed() ? "Test ticket printed (" + out.health() + ")" : "Test print FAILED: " + out.message();
    }

    @Override
    public String lampTest() {
        try {
            List<DeviceHealth> results = kiosk.lamps().selfTest().get(LAMP_TEST_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return results.isEmpty() ? "No lamps configured" : results.toString();
        } catch (TimeoutException e) {
            return "Lamp test did not finish within " + LAMP_TEST_LIMIT.toSeconds() + " s";
        } catch (ExecutionException e) {
            return "Lamp test failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Lamp test interrupted";
        }
    }
}
