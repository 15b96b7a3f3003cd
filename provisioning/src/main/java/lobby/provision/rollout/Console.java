package lobby.provision.rollout;

import java.io.PrintStream;

/**
 * Where the technician reads what happens. Kiosks run in parallel, so every line is printed whole
 * (never interleaved with another kiosk's) and kiosk ids are padded to line the columns up.
 */
public final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final int idWidth;

    public Console(PrintStream out, PrintStream err, int idWidth) {
        this.out = out;
        this.err = err;
        this.idWidth = idWidth;
    }

    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    /** "lobby-1  [4/9] upload ... changed (0.2.0, 1.2 MB)". */
    public void kiosk(String kioskId, String text) {
        line(pad(kioskId) + "  " + text);
    }

    /** Several lines that belong together (a kiosk's status), printed as one block. */
    public synchronized void block(String text) {
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }

    public synchronized void error(String text) {
        err.println(text);
        err.flush();
    }

    public String pad(String kioskId) {
        return String.format("%-" + idWidth + "s", kioskId);
    }

    public int idWidth() {
        return idWidth;
    }
}
