package lobby.printer;

/**
 * A decoded ticket as console text, laid out on a 58 mm roll: 32 columns of font A, Chinese
 * characters two columns wide, large text as wide as it prints. Only for people to look at.
 */
final class TicketPreview {
    static final int COLUMNS = 32;

    private final StringBuilder out = new StringBuilder();

    /** Long lines wrap where the printer would wrap them. */
    void line(DecodedTicket.Line line) {
        int room = COLUMNS / line.width();
        StringBuilder part = new StringBuilder();
        int used = 0;
        for (int c : line.text().codePoints().toArray()) {
            if (used + columns(c) > room) {
                print(part.toString(), used, line);
                part.setLength(0);
                used = 0;
            }
            part.appendCodePoint(c);
            used += columns(c);
        }
        print(part.toString(), used, line);
    }

    private void print(String text, int used, DecodedTicket.Line line) {
        int free = Math.max(0, COLUMNS - used * line.width());
        int indent = text.isEmpty() ? 0 : switch (line.align()) {
            case LEFT -> 0;
            case CENTRE -> free / 2;
            case RIGHT -> free;
        };
        out.append(" ".repeat(indent)).append(text).append('\n');
    }

    void code(String kind, String data) {
        out.append('[').append(kind).append(' ').append(data).append("]\n");
    }

    void cut() {
        out.append("- ".repeat(COLUMNS / 2 - 3)).append("cut\n");
    }

    /** Everything from the CJK radicals up is double width on these printers; close enough for a preview. */
    private static int columns(int codePoint) {
        return codePoint >= 0x2E80 ? 2 : 1;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
