package lobby.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page files hang together: every file a page names exists, every text key has Chinese and English. */
class WebPagesTest {
    private static final List<String> SCRIPTS = List.of("i18n.js", "common.js", "console.js", "board.js",
            "ticket.js", "stats.js", "devices.js", "chart.js");

    @Test
    void everyFileAPageLinksIsServed() {
        for (String page : WebPages.PAGES.values()) {
            Matcher m = Pattern.compile("\"/web/([^\"]+)\"").matcher(text(page));
            int links = 0;
            while (m.find()) {
                links++;
                assertNotNull(WebPages.read(m.group(1)), page + " links /web/" + m.group(1));
            }
            assertTrue(links >= 3, page + " links its style and scripts");
        }
    }

    @Test
    void everyTextKeyInUseHasChineseAndEnglish() {
        String dictionary = text("i18n.js");
        Matcher entry = Pattern.compile("\"([a-zA-Z]+\\.[A-Za-z_]+)\": \\[\\s*(\"[^\"]*\"),\\s*(\"[^\"]*\")\\]").matcher(dictionary);
        Set<String> defined = new TreeSet<>();
        while (entry.find()) {
            assertTrue(entry.group(2).length() > 2 && entry.group(3).length() > 2, "both languages for " + entry.group(1));
            defined.add(entry.group(1));
        }
        assertTrue(defined.size() > 100, "dictionary read: " + defined.size());

        List<String> missing = new ArrayList<>();
        for (String file : files()) {
            Matcher used = Pattern.compile("(?:data-i18n\"?[=:] ?\"|\\bt\\(\")([a-zA-Z]+\\.[A-Za-z_]+)\"").matcher(text(file));
            while (used.find()) {
                if (!defined.contains(used.group(1))) {
                    missing.add(file + ": " + used.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static List<String> files() {
        List<String> all = new ArrayList<>(WebPages.PAGES.values());
        all.addAll(SCRIPTS);
        return all;
    }

    private static String text(String file) {
        byte[] bytes = WebPages.read(file);
        assertNotNull(bytes, file);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
