package lobby.backoffice.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One chromium per test class, and a fresh back office with the demo site for each test.
 * Subclasses add their own {@code @BeforeAll} (run after this one) to prepare the browser.
 */
abstract class BrowserTestBase {
    static Browser browser;
    @TempDir
    Path dir;
    DemoLobby lobby;

    @BeforeAll
    static void openBrowser(@TempDir Path profile) {
        browser = new Browser(profile);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startLobby() {
        lobby = DemoLobby.start(dir);
        browser.reset();
    }

    @AfterEach
    void stopLobby() {
        lobby.close();
    }
}
