package dev.kakehashi.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium and ChromeDriver (installed by the build's CI script when missing);
 * Selenium is told where they are, so nothing ever tries to download a browser.
 */
public final class Browser {

    private Browser() {
    }

    public static WebDriver start() {
        System.setProperty("SE_OFFLINE", "true");
        Path profile;
        try {
            profile = Files.createTempDirectory("kakehashi-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Signs in through the real Keycloak login page, which with organizations asks for the e-mail first
     * (to route a company's people to its own identity provider) and then the password.
     */
    public static void signIn(WebDriver driver, String username) {
        signIn(driver, username, By.id("welcome"));
    }

    /** Signs in and waits for the element the person lands on (the operator lands on onboarding). */
    public static void signIn(WebDriver driver, String username, By landed) {
        signIn(driver, TestStack.appUrl(), username, landed);
    }

    /** Signs in at another address of the application (such as a load balancer in front of replicas). */
    public static void signIn(WebDriver driver, String appUrl, String username, By landed) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(appUrl + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(Tokens.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(landed));
    }

    /** Signs out of Kakehashi and Keycloak, and waits for the login page. */
    public static void signOut(WebDriver driver) {
        driver.findElement(By.id("shellForm:signOut")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    /**
     * Picks an option of a PrimeFaces select-one menu as a keyboard user does: focus the menu and type
     * the start of the option's label (type-ahead), then see the menu show it. Clicking into the
     * animated panel races with its animation.
     */
    public static void choose(WebDriver driver, String menuId, String labelStart) {
        driver.findElement(By.id(menuId + "_label")).sendKeys(labelStart);
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), labelStart));
    }

    /** Saves what the browser shows to target/screenshots/NAME.png, for the docs and for failures. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("kakehashi.basedir", "."), "target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
