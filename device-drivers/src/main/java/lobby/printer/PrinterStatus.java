package lobby.printer;

import java.util.ArrayList;
import java.util.List;
import lobby.device.DeviceHealth.State;

/**
 * The printer's answers to DLE EOT 1 to 4, read with the bit meanings of the ESC/POS command
 * reference (Epson TM series; the Chinese thermal printers follow it).
 *
 * @param printer n=1: bit 3 offline
 * @param offline n=2 (offline cause): bit 2 cover open, bit 3 feed button, bit 5 stopped by paper end, bit 6 error
 * @param error   n=3 (error cause): bit 3 cutter, bit 5 unrecoverable, bit 6 auto-recoverable (head too hot)
 * @param paper   n=4 (roll sensor): bits 2,3 near end, bits 5,6 paper out
 */
record PrinterStatus(int printer, int offline, int error, int paper) {
    static final PrinterStatus READY = new PrinterStatus(0x12, 0x12, 0x12, 0x12);

    /**
     * Every status byte has bits 1 and 4 set and bits 0 and 7 clear. Anything else is not a
     * status reply, most often a baud-rate mismatch.
     */
    static boolean wellFormed(int reply) {
        return (reply & 0x93) == 0x12;
    }

    static PrinterStatus of(int[] replies) {
        return new PrinterStatus(replies[0], replies[1], replies[2], replies[3]);
    }

    boolean paperNearEnd() {
        return bit(paper, 2) || bit(paper, 3);
    }

    /** What stops a ticket from printing, in words for the technician; empty when it can print. */
    List<String> faults() {
        List<String> faults = new ArrayList<>();
        if (bit(offline, 2)) faults.add("cover open");
        if (bit(offline, 5) || bit(paper, 5) || bit(paper, 6)) faults.add("paper out");
        if (bit(error, 3)) faults.add("cutter error");
        if (bit(error, 5)) faults.add("unrecoverable error (switch the printer off and on)");
        if (bit(error, 6)) faults.add("recoverable error (print head too hot?)");
        if (bit(offline, 3)) faults.add("feed button held");
        if (faults.isEmpty() && (bit(printer, 3) || bit(offline, 6))) faults.add("printer offline");
        return faults;
    }

    boolean blocksPrinting() {
        return !faults().isEmpty();
    }

    State state() {
        return blocksPrinting() ? State.OFFLINE : paperNearEnd() ? State.DEGRADED : State.ONLINE;
    }

    String detail() {
        List<String> faults = faults();
        if (!faults.isEmpty()) return String.join(", ", faults);
        return paperNearEnd() ? "paper near end" : "";
    }

    private static boolean bit(int value, int bit) {
        return (value >> bit & 1) == 1;
    }

    @Override
    public String toString() {
        return String.format("status 0x%02X 0x%02X 0x%02X 0x%02X (%s)", printer, offline, error, paper,
                detail().isEmpty() ? "ready" : detail());
    }
}
