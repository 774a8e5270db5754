package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in headless Chromium (Debian's chromium and chromedriver, given by path so that
 * Selenium fetches nothing): log in with HTTP Basic, see smpp-out bound to the SMSC simulator, hold it,
 * watch its queue grow while messages come in, release it and watch the queue drain.
 */
class ConsoleBrowserIT extends DeployedGatewayTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration SOON = Duration.ofSeconds(60);

    private ChromeDriverService service;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser test: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed (Debian packages chromium, chromium-driver)");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(new File(System.getProperty("it.work", "target"), "chromedriver.log")).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-extensions", "--no-first-run",
                        "--window-size=1400,1000");
        browser = new ChromeDriver(service, options);
        // answers the console's Basic challenge, for the page and for every fetch of the API it makes
        ((HasAuthentication) browser).register(UsernameAndPassword.of(AdminApi.ADMIN, AdminApi.ADMIN_PASSWORD));
    }

    /** The tests after this one need smpp-out sending, whatever became of this one. */
    @AfterEach
    void stopBrowser() {
        AdminApi.admin().post("/admin/connector/smpp-out/unhold");
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    private String cellOf(String connector, String cell) {
        return browser.findElement(By.cssSelector("tr[data-connector='" + connector + "'] td." + cell)).getText();
    }

    /** Queued plus in flight, as the page shows them. */
    private int depthShown(String connector) {
        return Integer.parseInt(cellOf(connector, "queued")) + Integer.parseInt(cellOf(connector, "inflight"));
    }

    private void waitFor(String what, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(browser, SOON).withMessage(what).ignoring(RuntimeException.class).until(b -> condition.get());
    }

    @Test
    void holdAConnectorWatchItsQueueGrowAndDrain() throws Exception {
        browser.get(AdminApi.base() + "/admin/");
        waitFor("smpp-out shown bound", () -> "UP".equals(cellOf("smpp-out", "state")) && "2/2".equals(cellOf("smpp-out", "links")));
        assertTrue(browser.findElement(By.id("info")).getText().contains("openemg"));

        browser.findElement(By.cssSelector("tr[data-connector='smpp-out'] button.hold")).click();
        waitFor("smpp-out shown held", () -> "HELD".equals(cellOf("smpp-out", "state")));
        // what earlier tests left in the queue stays there while the connector is held
        int before = depthShown("smpp-out");

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> sent = gateway.post("/bin/send", GatewayHttp.params().add("USERNAME", "bob")
                    .add("PASSWORD", "plainpass").add("DESTADDR", "4670400" + i).add("MESSAGE", "console " + i));
            assertEquals(200, sent.statusCode(), sent.body());
            int expected = before + i + 1;
            waitFor("queue of " + expected + " shown", () -> depthShown("smpp-out") == expected);
        }
        assertEquals(0, smsc.acceptedFor("46704000").size(), "nothing sent while held");

        WebElement unhold = browser.findElement(By.cssSelector("tr[data-connector='smpp-out'] button.unhold"));
        unhold.click();
        waitFor("queue drained", () -> depthShown("smpp-out") <= before && "UP".equals(cellOf("smpp-out", "state")));
        assertTrue(Eventually.within(SOON, () -> smsc.accepted().stream()
                .filter(s -> s.getDestAddress().startsWith("4670400")).count() == 6), "all six reached the SMSC");

        browser.findElement(By.cssSelector("#search input[name=destaddr]")).sendKeys("46704003");
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        waitFor("the message found in the log", () -> !browser.findElements(By.cssSelector("#messages tbody tr a")).isEmpty());
        browser.findElement(By.cssSelector("#messages tbody tr a")).click();
        waitFor("its history shown", () -> browser.findElement(By.id("history")).getText().contains("console 3"));
    }
}
