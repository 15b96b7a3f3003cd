package lobby.bench;

import java.io.PrintStream;
import java.util.List;
import lobby.printer.RasterTicket;
import lobby.printer.StandardTicket;
import lobby.printer.TicketLayout;

/**
 * Bytes on the serial wire for the standard ticket (printer's own large font and QR command)
 * against the same ticket with the number and the QR code sent as raster images, and the time
 * each takes to cross the line at common baud rates (8N1: 10 bits a byte, no flow-control stalls).
 */
public final class PrinterWireBenchmark {
    static final int[] BAUD_RATES = {9600, 19200, 115200};
    static final int TARGET_BYTES = 400;

    private PrinterWireBenchmark() {
    }

    /** The ticket the kiosk prints for a typical appointment (same lines as the kiosk's layout). */
    static TicketLayout typicalTicket() {
        return new TicketLayout("星辰汽车广州天河4S店", "A012",
                List.of("业务 保养  Maintenance", "顾问 陈志强  1号台 Desk 1", "预计等待 约16分钟  Wait: ~16 min",
                        "车牌 粤A·***M6", "时间 2026-11-22 09:31"),
                "http://192.168.10.5:8080/t/3f6c1a52-9a4e-4c59-a1f1-0d7b8a2e4c11",
                List.of("请留意叫号，扫码查看排队进度", "Please watch for your number.", "Scan for live queue status."));
    }

    public static void run(PrintStream out) {
        TicketLayout ticket = typicalTicket();
        int standard = StandardTicket.encode(ticket).length;
        int raster = RasterTicket.encode(ticket).length;
        out.println("== Printer: bytes on the wire for one ticket (QR link " + ticket.qrText().length() + " chars)");
        out.printf("standard ticket (printer QR + 4x font): %6d bytes   target < %d: %s%n", standard, TARGET_BYTES,
                standard < TARGET_BYTES ? "met" : "MISSED");
        out.printf("number and QR as raster images:         %6d bytes   ratio raster/standard %.1fx%n", raster,
                raster / (double) standard);
        out.println("seconds on the line (8N1):   baud    standard    raster");
        for (int baud : BAUD_RATES) {
            out.printf("                           %6d    %7.3f s  %7.3f s%n", baud, seconds(standard, baud),
                    seconds(raster, baud));
        }
    }

    static double seconds(int bytes, int baud) {
        return bytes * 10.0 / baud;
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
