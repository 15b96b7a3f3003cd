package lobby.checkin;

/** What a lobby may see of a customer: never a full name or a full plate. */
public final class Masking {
    private static final String DOUBLE_SURNAMES = "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐";

    private Masking() {
    }

    public static String name(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        String name = fullName.strip();
        int cps = name.codePointCount(0, name.length());
        if (name.chars().allMatch(c -> c < 128)) {
            // Latin names: the first letter of the family name (last word) only.
            String[] words = name.split("\\s+");
            return words[words.length - 1].charAt(0) + ".";
        }
        int keep = cps > 2 && DOUBLE_SURNAMES.contains(name.substring(0, name.offsetByCodePoints(0, 2))) ? 2 : 1;
        int end = name.offsetByCodePoints(0, keep);
        return name.substring(0, end) + "*".repeat(Math.max(1, cps - keep));
    }

    /** 粤B12345 -> 粤B·***45 ; anything unparseable keeps its last two characters only. */
    public static String plate(String plate) {
        if (plate == null || plate.isBlank()) {
            return "";
        }
        String p = plate.strip();
        int cps = p.codePointCount(0, p.length());
        if (cps < 4) {
            return "*".repeat(cps);
        }
        int headEnd = p.offsetByCodePoints(0, 2);
        int tailStart = p.offsetByCodePoints(0, cps - 2);
        int hidden = cps - 4;
        return p.substring(0, headEnd) + "·" + "*".repeat(Math.max(hidden, 1)) + p.substring(tailStart);
    }
}
