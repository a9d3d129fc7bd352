package dev.kakehashi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Browser;
import dev.kakehashi.testing.BrowserTest;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.TestStack;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A bid manager signs in through the real Keycloak login page, sees the dashboard, and reads it in Japanese. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardBrowserIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }


    @Test
    void bidManagerSignsInSeesTheDashboardAndSwitchesToJapanese() {
        browser.get(TestStack.appUrl() + "/");

        // Sent to the Keycloak login page of realm kakehashi
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(TestStack.realmUrl() + "/protocol/openid-connect/auth");
        Browser.signIn(browser, "bid-manager@sakura-shoji.example");

        // Back on the dashboard, signed in, in English
        assertThat(browser.getCurrentUrl()).startsWith(TestStack.appUrl());
        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Haruka Sato");
        assertThat(browser.findElement(By.id("companyName")).getText()).isEqualTo("Sakura Shoji Corporation");
        assertThat(browser.findElement(By.id("companyAlias")).getText()).isEqualTo("sakura-shoji");
        assertThat(browser.findElement(By.id("companyKind")).getText()).isEqualTo("Trading house");
        assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("Bid manager");
        Browser.screenshot(browser, "dashboard-en");

        // Switch to Japanese
        browser.findElement(By.cssSelector("a[data-lang='ja']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("welcome"), "ようこそ、Haruka Sato さん"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ja");
        assertThat(browser.findElement(By.id("companyName")).getText()).isEqualTo("サクラ商事株式会社");
        assertThat(browser.findElement(By.id("companyKind")).getText()).isEqualTo("総合商社");
        assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("入札マネージャー");
        Browser.screenshot(browser, "dashboard-ja");

        // The choice is remembered
        browser.get(TestStack.appUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("ようこそ、Haruka Sato さん");

        // Sign out ends the Keycloak session too: the next visit asks for the password again
        Browser.signOut(browser);
        browser.get(TestStack.appUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(TestStack.realmUrl());
    }
}
