package lobby.checkin;

import java.util.Locale;

/**
 * A Chinese licence plate as GA 36-2018 shapes it: a province character, the issuing office's
 * letter, then five characters (ordinary) or six (new-energy, with D or F first or last).
 * I and O are never used; some plates end in one of 学警挂港澳领使.
 */
public record Plate(String text) {
    public static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    public static final String SPECIAL_ENDINGS = "学警挂港澳领使";

    /** Why a typed plate was refused; the kiosk shows it instead of failing. */
    public enum Problem {
        EMPTY("请输入车牌号", "Please enter the plate"),
        NO_PROVINCE("车牌应以省份简称开头，如 粤", "A plate starts with a province character, e.g. 粤"),
        BAD_OFFICE("第二位应为字母", "The second character must be a letter"),
        LETTER_I_OR_O("车牌不使用字母 I 和 O", "Plates never use the letters I or O"),
        BAD_CHARACTER("车牌只含字母和数字", "Plates contain only letters and digits"),
        WRONG_LENGTH("车牌应为7位，新能源车为8位", "A plate has 7 characters, 8 for new-energy cars"),
        BAD_NEW_ENERGY("新能源车牌的第3位或最后一位应为 D 或 F", "A new-energy plate has D or F third or last");

        private final String chinese;
        private final String english;

        Problem(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        public String chinese() {
            return chinese;
        }

        public String english() {
            return english;
        }
    }

    /** Either a valid plate or the first problem found. */
    public record Parsed(Plate plate, Problem problem) {
        public boolean valid() {
            return plate != null;
        }
    }

    public static Parsed parse(String raw) {
        if (raw == null) {
            return new Parsed(null, Problem.EMPTY);
        }
        String s = raw.replace("·", "").replace("•", "").replace(" ", "").replace("-", "").strip()
                .toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return new Parsed(null, Problem.EMPTY);
        }
        int[] cps = s.codePoints().toArray();
        if (PROVINCES.indexOf(cps[0]) < 0) {
            return new Parsed(null, Problem.NO_PROVINCE);
        }
        if (cps.length < 2 || !isLetter(cps[1])) {
            return new Parsed(null, cps.length < 2 ? Problem.WRONG_LENGTH : Problem.BAD_OFFICE);
        }
        for (int i = 1; i < cps.length; i++) {
            int c = cps[i];
            boolean lastSpecial = i == cps.length - 1 && SPECIAL_ENDINGS.indexOf(c) >= 0;
            if (c == 'I' || c == 'O') {
                return new Parsed(null, Problem.LETTER_I_OR_O);
            }
            if (!lastSpecial && !isLetter(c) && !(c >= '0' && c <= '9')) {
                return new Parsed(null, Problem.BAD_CHARACTER);
            }
        }
        if (cps.length == 8) {
            boolean special = SPECIAL_ENDINGS.indexOf(cps[7]) >= 0;
            int third = cps[2];
            int last = cps[7];
            if (special || !(third == 'D' || third == 'F' || last == 'D' || last == 'F')) {
                return new Parsed(null, Problem.BAD_NEW_ENERGY);
            }
        } else if (cps.length != 7) {
            return new Parsed(null, Problem.WRONG_LENGTH);
        }
        return new Parsed(new Plate(s), null);
    }

    /** A key under which 0/O and 1/I typed by mistake still find the booking. */
    public static String matchKey(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replace("·", "").replace(" ", "").strip().toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1');
    }

    public String masked() {
        return Masking.plate(text);
    }

    public boolean newEnergy() {
        return text.codePointCount(0, text.length()) == 8;
    }

    private static boolean isLetter(int c) {
        return c >= 'A' && c <= 'Z';
    }

    @Override
    public String toString() {
        return text;
    }
}
