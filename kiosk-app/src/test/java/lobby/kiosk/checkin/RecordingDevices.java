package lobby.kiosk.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
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
        public final List<IntConsumer> acknowledged = new CopyOnWriteArrayList<>();
        public final List<IntConsumer> escalated = new CopyOnWriteArrayList<>();

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
        public synchronized DeviceHealth acknowledge(int desk) {
            boolean was = lit.remove(desk);
            if (was) {
                acknowledged.forEach(l -> l.accept(desk));
            }
            return DeviceHealth.online("lamp desk " + desk, Instant.EPOCH);
        }

        @Override
        public synchronized Pattern pattern(int desk) {
            return lit.contains(desk) ? Pattern.STEADY : Pattern.OFF;
        }

        @Override
        public void onAcknowledged(IntConsumer listener) {
            acknowledged.add(listener);
        }

        @Override
        public void onEscalated(IntConsumer listener) {
            escalated.add(listener);
        }

        @Override
        public CompletableFuture<List<DeviceHealth>> selfTest() {
            return CompletableFuture.completedFuture(health());
        }

        @Override
        public List<DeviceHealth> health() {
            return List.of(DeviceHealth.online("lamp desk 1", Instant.EPOCH), DeviceHealth.online("lamp desk 2", Instant.EPOCH));
        }

        @Override
        public void close() {
            lit.clear();
        }
    }
}
