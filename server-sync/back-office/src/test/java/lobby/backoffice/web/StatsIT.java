package lobby.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The manager's statistics and the admin's devices page. */
class StatsIT extends BrowserTestBase {
    @Test
    void aManagerSeesTheDayPerAdvisorWithChartsAndDownloadsTheCsv() throws IOException {
        Api chen = lobby.as("adv-chen");
        String served = lobby.checkIn("A001", "MAINTENANCE", "adv-chen", "粤A8K2M6");
        for (String step : List.of("acknowledge", "call", "start", "done")) {
            chen.post("/api/tickets/" + served + "/" + step, "{}").expect(200, step);
        }
        String missed = lobby.checkIn("A002", "REPAIR", "adv-li", "粤A2C9Q8");
        lobby.as("adv-li").post("/api/tickets/" + missed + "/no-show", "{}").expect(200, "no-show");

        browser.open(lobby.base + "/stats?period=day&date=" + lobby.day);
        browser.signIn("manager");
        browser.textContains("#table", "陈志强");
        browser.textContains("#table", "李晓婷");
        browser.textContains("#table", "合计");
        browser.until("bars in both charts", () ->
                browser.driver.findElements(By.cssSelector("#chart-visits svg rect")).size() >= 2
                        && !browser.driver.findElements(By.cssSelector("#chart-greeted svg rect")).isEmpty());
        String href = browser.find("#csv").getAttribute("href");
        assertTrue(href.contains("/api/sites/demo/stats.csv?period=day&date=" + lobby.day), href);
        browser.screenshot("stats");

        browser.click("#csv");
        Path csv = browser.until("a finished CSV download in " + browser.downloads, () -> finishedCsv(browser.downloads));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.size() >= 2 && lines.get(0).contains(","), "a header row and data: " + lines);

        browser.click("button[data-period='week']");
        browser.until("the CSV link for the week", () -> browser.find("#csv").getAttribute("href").contains("period=week"));
        browser.visible("button[data-period='week'][aria-pressed='true']");
    }

    @Test
    void anAdvisorIsNotShownStatistics() {
        browser.open(lobby.base + "/stats");
        browser.type("#username", "adv-chen");
        browser.type("#password", Api.PASSWORD);
        browser.click("#login-submit");
        browser.textContains("#login-error", "MANAGER");
        assertEquals(false, browser.find("#app").isDisplayed());
    }

    @Test
    void anAdminSeesEachKioskHeartbeatAndDeviceHealth() {
        lobby.kiosk().post("/api/kiosks/" + DemoLobby.KIOSK + "/heartbeat", """
                {"version": "0.1.0-test", "pendingOps": 2, "lastSync": "%s", "devices": [
                  {"device": "printer /dev/ttyUSB0", "state": "DEGRADED", "detail": "paper near end"},
                  {"device": "lamp desk 1", "state": "ONLINE", "detail": ""},
                  {"device": "scanner camera", "state": "OFFLINE", "detail": "no camera"}]}
                """.formatted(java.time.Instant.now())).expect(204, "heartbeat");

        browser.open(lobby.base + "/devices");
        browser.signIn("admin");
        String row = browser.textContains("tr[data-kiosk='" + DemoLobby.KIOSK + "']", "0.1.0-test");
        assertTrue(row.contains("需注意") && row.contains("paper near end"), row);
        assertTrue(row.contains("离线") && row.contains("no camera"), row);
        assertTrue(row.contains("秒前") || row.contains("分钟前"), "last heartbeat shown as recent: " + row);
        browser.screenshot("devices");
    }

    private static Path finishedCsv(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
