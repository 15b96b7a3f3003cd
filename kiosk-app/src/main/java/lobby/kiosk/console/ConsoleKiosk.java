package lobby.kiosk.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import lobby.checkin.VisitKind;
import lobby.kiosk.checkin.CheckInDesk;
import lobby.kiosk.checkin.ScanOutcome;

/**
 * The kiosk without a display: each line read is what a scanner (in serial or keyboard mode)
 * would send, a QR payload or a plate; {@code walkin KIND [lounge|leave]} takes a walk-in
 * ticket. Used by the demo on a machine with no screen and by technicians over SSH.
 */
public final class ConsoleKiosk {
    private final CheckInDesk desk;
    private final BufferedReader in;
    private final PrintStream out;
    private ScanOutcome.Found pending;
    private ScanOutcome.Issued last;

    public ConsoleKiosk(CheckInDesk desk, BufferedReader in, PrintStream out) {
        this.desk = desk;
        this.in = in;
        this.out = out;
    }

    /** Reads until end of input or "quit". */
    public void run() throws IOException {
        out.println("扫描预约二维码或输入车牌，回车确认；没有预约请输入 walkin 加业务类型。");
        out.println("Scan an appointment QR code or type a plate, then Enter; without an appointment type "
                + "'walkin <kind> [lounge|leave]', kinds: " + kinds() + ". 'quit' ends.");
        String line;
        while ((line = in.readLine()) != null) {
            String input = line.strip();
            if (input.isEmpty()) {
                continue;
            }
            if (input.equalsIgnoreCase("quit") || input.equalsIgnoreCase("exit")) {
                break;
            }
            handle(input);
        }
    }

    /** A code from a scanner the kiosk reads itself (serial, camera, the simulator's pipe). */
    public void scanned(String text) {
        out.println("[scan] " + text);
        handle(text);
    }

    synchronized void handle(String input) {
        if (pending != null) {
            ScanOutcome.Found found = pending;
            pending = null;
            if (input.equalsIgnoreCase("y") || input.equalsIgnoreCase("yes") || input.equals("确认")) {
                show(desk.confirm(found.appointment()));
                return;
            }
            out.println("已取消 / cancelled");
            if (input.equalsIgnoreCase("n") || input.equalsIgnoreCase("no")) {
                return;
            }
        }
        if (input.equalsIgnoreCase("reprint") && last != null) {
            show(desk.reprint(last.ticket()));
            return;
        }
        String[] words = input.split("\\s+");
        if (words[0].equalsIgnoreCase("walkin") || words[0].equals("取号")) {
            Optional<VisitKind> kind = words.length > 1 ? kind(words[1]) : Optional.of(VisitKind.ENQUIRY);
            if (kind.isEmpty()) {
                out.println("不认识的业务类型 / unknown kind '" + words[1] + "'; kinds: " + kinds());
                return;
            }
            boolean lounge = words.length < 3 || !words[2].equalsIgnoreCase("leave");
            show(desk.walkIn(kind.get(), lounge, null));
            return;
        }
        show(desk.scan(input));
    }

    private void show(ScanOutcome outcome) {
        if (outcome instanceof ScanOutcome.Found f) {
            pending = f;
            var a = f.appointment();
            out.printf("%s预约 Appointment %s %s | %s %s | %s | %s%n", f.nearMatch() ? "您是否要找 Did you mean: " : "",
                    a.time(), a.maskedName(), a.kind().chinese(), a.kind().english(), lobby.checkin.Masking.plate(a.plate()),
                    f.advisor() == null ? "" : f.advisor().name() + " " + f.advisor().desk() + "号台 / desk "
                            + f.advisor().desk());
            if (f.note() != null) {
                out.println(f.note().chinese());
                out.println(f.note().english());
            }
            out.println("确认请输入 y / type y to confirm");
            return;
        }
        if (outcome instanceof ScanOutcome.Issued t) {
            last = t;
            String advisor = t.advisor() == null ? "下一位空闲顾问 / next free advisor"
                    : t.advisor().name() + " " + t.advisor().desk() + "号台 / desk " + t.advisor().desk();
            out.printf("%s票号 TICKET %s | %s | %s | 预计等待 wait ~%d min%n",
                    t.existing() ? "您已签到 Already checked in: " : "", t.ticket().number(),
                    t.ticket().kind().chinese() + " " + t.ticket().kind().english(), advisor,
                    t.ticket().estimatedWaitMinutes());
            if (t.note() != null) {
                out.println(t.note());
            }
            if (t.reprintAllowed()) {
                out.println("需要补打小票请输入 reprint / type 'reprint' for one more copy");
            }
            if (!t.print().printed()) {
                out.println("!! 打印失败，请记下票号 / printing failed, please note your number: "
                        + t.print().message());
            }
        } else if (outcome instanceof ScanOutcome.Refused r) {
            out.println(r.why().chinese());
            out.println(r.why().english());
            out.println("→ walkin <kind> " + (r.plate() == null ? "" : "(plate " + r.plate() + ")"));
        }
    }

    static Optional<VisitKind> kind(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        return Arrays.stream(VisitKind.values())
                .filter(k -> k.name().startsWith(w) || k.chinese().equals(word))
                .findFirst();
    }

    private static String kinds() {
        return String.join(", ", Arrays.stream(VisitKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
    }
}
