package lobby.kiosk.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lobby.device.DeviceHealth;
import lobby.lamp.CallLamps;
import lobby.printer.PrintOutcome;
import lobby.printer.TicketLayout;
import lobby.printer.TicketPrinter;

/** Printer and lamps that record what the desk asked of them, for tests of the check-in model. */
public final class RecordingDevices {
    private RecordingDevices() {
    }

    public static final class Printer implements TicketPrinter {
        public final List<TicketLayout> printed = new ArrayList<>();
        public volatile String failure;

        @Override
        public synchronized PrintOutcome print(TicketLayout ticket) {
            if (failure != null) {
                return PrintOutcome.failed(health(), failure);
            }
            printed.add(ticket);
            return PrintOutcome.ok(health());
        }

        @Override
        public DeviceHealth health() {
            return failure == null ? DeviceHealth.online("test printer", Instant.EPOCH)
                    : new DeviceHealth("test printer", DeviceHealth.State.OFFLINE, failure, Instant.EPOCH);
        }

        @Override
        public void close() {
        }
    }

    public static final class Lamps implements CallLamps {
        public final Set<Integer> lit = new TreeSet<>();
        public final List<Integer> calls = new ArrayList<>();

        @Override
        public synchronized DeviceHealth light(int desk) {
            lit.add(desk);
            calls.add(desk);
            return DeviceHealth.online("lamp desk " + desk, Instant.EPOCH);
        }

        @Override
        public synchronized DeviceHealth off(int desk) {
            lit.remove(desk);
            return DeviceHealth.online("lamp desk " + desk, Instant.EPOCH);
        }

        @Override
        public synchronized boolean isLit(int desk) {
            return lit.contains(desk);
        }

        @Override
        public List<DeviceHealth> health() {
            return List.of();
        }

        @Override
        public void close() {
            lit.clear();
        }
    }
}
