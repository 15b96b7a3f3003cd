package lobby.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every page: served as UTF-8 with its type, in Chinese first and English on request. */
class PagesIT {
    private static Browser browser;
    private static DemoLobby lobby;

    @BeforeAll
    static void start(@TempDir Path dir) {
        lobby = DemoLobby.start(dir.resolve("data"));
        browser = new Browser(dir.resolve("browser"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (lobby != null) {
            lobby.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/console, text/html; charset=utf-8, 顾问工作台",
            "/board, text/html; charset=utf-8, 叫号显示",
            "/t/any-ticket, text/html; charset=utf-8, 排队状态",
            "/stats, text/html; charset=utf-8, 接待统计",
            "/devices, text/html; charset=utf-8, 设备状态",
            "/web/common.css, text/css; charset=utf-8, --brand",
            "/web/console.js, text/javascript; charset=utf-8, call-next"})
    void pagesAndTheirFilesAreServedWithTheirTypeInUtf8(String path, String type, String sample) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals(type, r.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(";charset", "; charset"));
        assertTrue(r.body().contains(sample), path + " contains " + sample);
    }

    @ParameterizedTest
    @CsvSource({"/web/missing.js", "/web/WebPages.class", "/web/..%2Fweb%2Fconsole.html", "/web/Console.JS"})
    void nothingElseIsServedFromTheClasspath(String path) throws Exception {
        assertEquals(404, get(path).statusCode(), path);
    }

    @ParameterizedTest
    @CsvSource({
            "/console, 员工登录, Staff sign-in",
            "/board?site=demo, 叫号显示, Now calling",
            "/t/no-such-ticket, 排队状态, Queue status",
            "/stats, 员工登录, Staff sign-in",
            "/devices, 员工登录, Staff sign-in"})
    void everyPageSwitchesToEnglishRemembersItAndSwitchesBack(String path, String chinese, String english) {
        browser.reset();
        browser.open(lobby.base + path + (path.contains("?") ? "&" : "?") + "lang=zh");
        browser.textContains("body", chinese);

        browser.click(".lang-switch");
        browser.textContains("body", english);
        assertEquals("en", browser.js("return document.documentElement.lang"));
        browser.open(lobby.base + path);
        browser.textContains("body", english);
        if (path.equals("/console")) {
            browser.screenshot("console-login-english");
        }

        browser.click(".lang-switch");
        browser.textContains("body", chinese);
        assertEquals("zh-CN", browser.js("return document.documentElement.lang"));
    }

    @Test
    void anUnknownTicketGetsAFriendlyMessage() {
        browser.reset();
        browser.open(lobby.base + "/t/00000000-0000-0000-0000-000000000000?lang=zh");
        browser.textContains("#unknown", "找不到这张排队票");
        assertEquals(false, browser.find("#status").isDisplayed());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lobby.base + path))
                .timeout(Api.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
