package lobby.backoffice.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by its own chromedriver (both paths given, so nothing
 * is downloaded), with a fresh profile. Waits poll with a deadline; a timeout names what was
 * awaited and adds the page's console log.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Live updates arrive in milliseconds; the status page polls every 5 s. */
    static final Duration WAIT = Duration.ofSeconds(12);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final Path downloads;

    Browser(Path dir) {
        downloads = dir.resolve("downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1280,860", "--lang=zh-CN",
                // Several windows at once (console, board, status page) all stay live.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    }

    /** Back to one blank window without cookies, as a new visitor. */
    void reset() {
        String first = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(first)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    void open(String url) {
        driver.get(url);
    }

    /** Opens url in a new window and stays there; returns the window's handle. */
    String openWindow(String url) {
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(url);
        return driver.getWindowHandle();
    }

    void window(String handle) {
        driver.switchTo().window(handle);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The first element matching css once it is displayed. */
    WebElement visible(String css) {
        return until("a visible " + css, () -> {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the element's text contains the expected text; returns the whole text. */
    String textContains(String css, String expected) {
        return until(css + " containing \"" + expected + "\"", () -> {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            String text = found.isEmpty() ? "" : found.get(0).getText();
            return text.contains(expected) ? text : null;
        });
    }

    /** Polls until the supplier gives something other than null or false. */
    <T> T until(String what, Supplier<T> condition) {
        try {
            // Pages redraw whole tables on each event: an element found a moment ago may be gone.
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class).until(d -> {
                        T value = condition.get();
                        return Boolean.FALSE.equals(value) ? null : value;
                    });
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + " on " + driver.getCurrentUrl()
                    + "\nbrowser console:\n" + consoleLog(), e);
        }
    }

    void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the element once it is displayed, finding it again if the page redrew it meanwhile. */
    void click(String css) {
        until("clicking " + css, () -> {
            visible(css).click();
            return true;
        });
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Signs in through the page's own form (the page must be showing it). */
    void signIn(String username) {
        type("#username", username);
        type("#password", Api.PASSWORD);
        click("#login-submit");
        until("the sign-in form to go away", () -> !find("#login").isDisplayed());
    }

    /** Saves target/screenshots/name.png for the README. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("saving screenshot " + name, e);
        }
    }

    String consoleLog() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
