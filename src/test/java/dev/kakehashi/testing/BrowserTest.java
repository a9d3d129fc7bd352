package dev.kakehashi.testing;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A fresh headless Chromium per test, and a screenshot of where it ended, for the browser tests. */
public abstract class BrowserTest {

    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Browser.screenshot(browser, getClass().getSimpleName() + "-last");
            browser.quit();
        }
    }
}
