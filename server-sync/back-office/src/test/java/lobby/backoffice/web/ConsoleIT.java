package lobby.backoffice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/** The advisor console, the lobby board and the customer's status page, together in one browser. */
class ConsoleIT extends BrowserTestBase {
    @Test
    void anAdvisorSignsInSeesTheLobbyAndANewCheckInArrivesWithoutReload() {
        lobby.checkIn("A001", "MAINTENANCE", "adv-li", "粤AD73521");
        browser.open(lobby.base + "/console");
        browser.type("#username", "adv-chen");
        browser.type("#password", "not-the-password");
        browser.click("#login-submit");
        browser.textContains("#login-error", "用户名或密码错误");

        browser.signIn("adv-chen");
        browser.textContains("#lobby tr[data-number='A001']", "李晓婷");
        browser.textContains("#lobby tr[data-number='A001']", "粤A·****21");
        assertEquals(0, browser.driver.findElements(By.cssSelector("#mine tr[data-number]")).size(),
                "adv-chen has nobody yet");
        browser.js("window.stillTheSamePage = true");

        lobby.checkIn("U001", "BREAKDOWN", "adv-chen", "粤B5H7N3");

        browser.textContains("#mine tr[data-number='U001']", "紧急");
        browser.visible("#lobby tr[data-number='U001']");
        assertEquals(Boolean.TRUE, browser.js("return window.stillTheSamePage === true"), "the page was not reloaded");
        browser.textContains("#live", "实时");
        browser.screenshot("console");
    }

    @Test
    void callNextShowsOnTheBoardAndSendsTheCustomerToTheDesk() {
        lobby.checkIn("A001", "MAINTENANCE", "adv-chen", "粤A8K2M6");
        String second = lobby.checkIn("A002", "REPAIR", "adv-chen", "粤A2C9Q8");

        String status = browser.openWindow(lobby.base + "/t/" + second);
        browser.driver.manage().window().setSize(new Dimension(412, 780)); // a phone
        browser.textContains("#number", "A002");
        browser.textContains("#state", "前面还有 1 位");
        browser.screenshot("status-waiting");

        String board = browser.openWindow(lobby.base + "/board?site=demo&key=" + lobby.displayKey());
        browser.textContains("#now-desk", "请稍候");
        browser.textContains("#waiting", "2");

        String console = browser.openWindow(lobby.base + "/console");
        browser.signIn("adv-chen");
        browser.visible("#mine tr[data-number='A002']");
        browser.click("#call-next");
        browser.visible("#mine tr[data-number='A001'][data-status='CALLED']");

        browser.window(board);
        browser.textContains("#now-number", "A001");
        browser.textContains("#now-desk", "请到 1 号台");
        browser.textContains("#waiting", "1");

        browser.window(console);
        browser.click("#mine tr[data-number='A002'] button[data-act='call']");
        browser.visible("#mine tr[data-number='A002'][data-status='CALLED']");

        browser.window(board);
        browser.textContains("#now-number", "A002");
        browser.textContains("#recent", "A001");
        browser.until("the new number to stop blinking", () -> browser.js("return document.getAnimations().length === 0"));
        String shown = browser.find("body").getText();
        assertFalse(shown.contains("粤"), "the board shows no plate: " + shown);
        browser.screenshot("board");

        browser.window(status);
        browser.textContains("#call", "请到 1 号台");
        browser.screenshot("status-called");
    }

    @Test
    void aTicketTransferredToAnotherAdvisorLeavesMyQueueForTheirs() {
        lobby.checkIn("A001", "WARRANTY", "adv-chen", "粤B5H7N3");
        browser.open(lobby.base + "/console");
        browser.signIn("adv-chen");
        browser.visible("#mine tr[data-number='A001']");

        browser.until("choosing adv-huang", () -> {
            new Select(browser.find("#mine tr[data-number='A001'] select[data-act='transfer']")).selectByValue("adv-huang");
            return true;
        });

        browser.until("A001 to leave my queue",
                () -> browser.driver.findElements(By.cssSelector("#mine tr[data-number='A001']")).isEmpty());
        browser.textContains("#lobby tr[data-number='A001']", "黄伟明 · 3 号台");
        browser.textContains("#message", "A001 已转给 黄伟明");
    }

    @Test
    void theLastAdvisorOnDutyIsToldWhyTheyCannotTakeABreak() {
        lobby.as("adv-li").post("/api/advisors/adv-li/duty", "{\"duty\": \"BREAK\"}").expect(200, "li on break");
        lobby.as("adv-huang").post("/api/advisors/adv-huang/duty", "{\"duty\": \"LUNCH\"}").expect(200, "huang at lunch");
        browser.open(lobby.base + "/console");
        browser.signIn("adv-chen");
        browser.visible("#duty button[data-duty='ON_DUTY'][aria-pressed='true']");

        browser.click("#duty button[data-duty='BREAK']");

        browser.textContains("#message", "您是最后一位在岗顾问");
        browser.visible("#duty button[data-duty='ON_DUTY'][aria-pressed='true']");
        browser.screenshot("console-duty-refused");

        lobby.as("adv-li").post("/api/advisors/adv-li/duty", "{\"duty\": \"ON_DUTY\"}").expect(200, "li back");
        browser.click("#duty button[data-duty='BREAK']");
        browser.visible("#duty button[data-duty='BREAK'][aria-pressed='true']");
    }

    @Test
    void aLitLampShowsUntilAcknowledgedInTheConsoleOrAtTheDesk() {
        lobby.checkIn("A001", "MAINTENANCE", "adv-chen", "粤A8K2M6");
        lobby.checkIn("A002", "REPAIR", "adv-chen", "粤A2C9Q8");
        browser.open(lobby.base + "/console");
        browser.signIn("adv-chen");
        browser.visible("#mine tr[data-number='A001'] [data-lamp='lit']");
        browser.visible("#mine tr[data-number='A002'] [data-lamp='lit']");

        browser.click("#mine tr[data-number='A001'] button[data-act='acknowledge']");
        browser.until("A001's lamp to show as acknowledged", () -> browser.driver.findElements(
                By.cssSelector("#mine tr[data-number='A001'] [data-lamp='lit'], #mine tr[data-number='A001'] button[data-act='acknowledge']")).isEmpty());
        browser.visible("#mine tr[data-number='A002'] [data-lamp='lit']");

        lobby.deskButton(1); // pressed at desk 1: a live update, no reload
        browser.until("A002's lamp to go off after the desk button", () -> browser.driver.findElements(
                By.cssSelector("#mine tr[data-number='A002'] [data-lamp='lit']")).isEmpty());
    }
}
