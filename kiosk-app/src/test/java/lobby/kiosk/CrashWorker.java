package lobby.kiosk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lobby.checkin.VisitKind;
import lobby.device.DeviceHealth;
import lobby.kiosk.checkin.CheckInDesk;
import lobby.kiosk.checkin.RecordingDevices;
import lobby.kiosk.checkin.ScanOutcome;
import lobby.kiosk.store.KioskStore;
import lobby.printer.PrintOutcome;
import lobby.printer.TicketLayout;
import lobby.printer.TicketPrinter;

/**
 * A kiosk process that checks walk-ins in as fast as it can until it is killed. Its "printer"
 * appends each ticket number to a file and forces it to disk, then says so on stdout: so the
 * test knows every number that left the kiosk, even after a kill -9.
 */
public final class CrashWorker {
    private CrashWorker() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        try (FileChannel paper = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            TicketPrinter printer = new TicketPrinter() {
                @Override
                public PrintOutcome print(TicketLayout ticket) {
                    try {
                        paper.write(ByteBuffer.wrap((ticket.number() + "\n").getBytes(StandardCharsets.UTF_8)));
                        paper.force(false);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return PrintOutcome.ok(health());
                }

                @Override
                public DeviceHealth health() {
                    return DeviceHealth.online("paper file", Instant.EPOCH);
                }

                @Override
                public void close() {
                }
            };
            KioskStore store = KioskStore.open(data.resolve("kiosk.db"));
            CheckInDesk desk = new CheckInDesk("gz", "k1", store, printer, new RecordingDevices.Lamps(), () -> { },
                    Clock.systemDefaultZone());
            List<VisitKind> kinds = List.of(VisitKind.REPAIR, VisitKind.MAINTENANCE, VisitKind.BREAKDOWN);
            for (int i = 0; ; i++) {
                ScanOutcome.Issued issued = (ScanOutcome.Issued) desk.walkIn(kinds.get(i % kinds.size()), true, null);
                System.out.println("ISSUED " + issued.ticket().number());
                System.out.flush();
            }
        }
    }
}
