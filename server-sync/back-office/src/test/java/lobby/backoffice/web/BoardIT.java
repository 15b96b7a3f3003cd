package lobby.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lobby TV: its key, and spoken calls that never talk over each other. */
class BoardIT extends BrowserTestBase {
    /**
     * Stands in for the speech engine (headless chromium has no voices): each utterance "takes"
     * 400 ms, and window.spoken records when each started and ended.
     */
    private static final String FAKE_SPEECH = """
            (() => {
              const spoken = window.spoken = [];
              const engine = {
                getVoices: () => [], cancel() {}, pause() {}, resume() {},
                speak(u) {
                  const entry = {text: u.text, lang: u.lang, start: performance.now(), end: null};
                  spoken.push(entry);
                  setTimeout(() => { entry.end = performance.now(); if (u.onend) u.onend(new Event('end')); }, 400);
                }
              };
              Object.defineProperty(window, 'speechSynthesis', {value: engine, configurable: true});
            })();
            """;

    /** Runs after the base class has opened the browser. */
    @BeforeAll
    static void fakeSpeech() {
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAKE_SPEECH));
    }

    @Test
    void callsAreAnnouncedInChineseOneAfterTheOtherAndARecallAgain() {
        String chen = lobby.checkIn("A001", "MAINTENANCE", "adv-chen", "粤A8K2M6");
        String li = lobby.checkIn("B001", "ENQUIRY", "adv-li", "粤E6T1R5");
        browser.open(lobby.base + "/board?site=demo&voice=1&key=" + lobby.displayKey());
        browser.textContains("#waiting", "2");
        browser.textContains("#live", "实时");

        // Two desks call within a moment of each other: the second must wait for the first.
        lobby.as("adv-chen").post("/api/tickets/" + chen + "/call", "{}").expect(200, "call A001");
        lobby.as("adv-li").post("/api/tickets/" + li + "/call", "{}").expect(200, "call B001");
        List<Map<String, Object>> spoken = spokenWhenDone(2);
        assertEquals("请 A001 号到 1 号台", spoken.get(0).get("text"));
        assertEquals("请 B001 号到 2 号台", spoken.get(1).get("text"));
        assertEquals("zh-CN", spoken.get(0).get("lang"));
        double firstEnded = ((Number) spoken.get(0).get("end")).doubleValue();
        double secondStarted = ((Number) spoken.get(1).get("start")).doubleValue();
        assertTrue(secondStarted >= firstEnded, "overlap: second started at " + secondStarted
                + " ms, first ended at " + firstEnded + " ms");
        browser.textContains("#now-number", "B001");
        browser.textContains("#recent", "A001");

        lobby.as("adv-chen").post("/api/tickets/" + chen + "/recall", "{}").expect(200, "recall A001");
        assertEquals("请 A001 号到 1 号台", spokenWhenDone(3).get(2).get("text"));
    }

    @Test
    void aBoardWithoutItsKeyShowsNothingButWhyNot() {
        lobby.checkIn("A001", "MAINTENANCE", "adv-chen", "粤A8K2M6");
        browser.open(lobby.base + "/board?site=demo&key=wrong-key");
        browser.textContains("#message", "显示屏未授权");
        assertEquals("", browser.find("#now-number").getText());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> spokenWhenDone(int count) {
        return browser.until(count + " announcements spoken to the end", () -> {
            List<Map<String, Object>> spoken = (List<Map<String, Object>>) browser.js("return window.spoken");
            return spoken.size() >= count && spoken.stream().allMatch(s -> s.get("end") != null) ? spoken : null;
        });
    }
}
