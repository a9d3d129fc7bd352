package dev.kakehashi.platform.web;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.Browser;
import dev.kakehashi.testing.BrowserTest;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Me;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Where the UI used to end in an error page: acknowledging a transmittal, an address that lost its
 * subject after a form was sent, a text longer than its column, and the operator's language switch.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.jboss.arquillian.junit5.ArquillianExtension.class)
@org.jboss.arquillian.container.test.api.RunAsClient
class DeadEndsBrowserIT extends BrowserTest {

    @org.jboss.arquillian.container.test.api.Deployment(testable = false)
    static org.jboss.shrinkwrap.api.spec.WebArchive app() {
        return dev.kakehashi.testing.Deployments.kakehashi();
    }

    @Test
    void aRecipientAcknowledgesReceiptOnTheTransmittalPageAndTheAddressStillNamesIt() {
        String consortium = Bids.sakuraWithHanbit("Acknowledge in the browser " + UUID.randomUUID())[1];
        String sakura = Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
        String document = Documents.register(consortium, sakura, "ack.pdf", "A");
        String transmittal = Documents.transmitted(consortium, sakura, document, "A", DemoCompany.HANBIT_ENC);
        Me.setPreferences(Tokens.user(DemoCompany.HANBIT_ENC, "contributor"), "en", "Asia/Seoul");

        Browser.signIn(browser, "contributor@hanbit-enc.example");
        browser.get(TestStack.appUrl() + "/transmittal.xhtml?id=" + transmittal);
        WebElement acknowledge = wait.until(ExpectedConditions.elementToBeClickable(By.id("ackForm:acknowledge")));
        acknowledge.click();
        wait.until(ExpectedConditions.stalenessOf(acknowledge));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kk-ack"), "Jihoon Lee"));
        assertThat(browser.getCurrentUrl()).contains("/transmittal.xhtml?id=" + transmittal);
        assertThat(browser.findElements(By.id("ackForm:acknowledge"))).as("acknowledged once").isEmpty();
        assertThat(Sql.count("select count(*) from transmittal_recipient r join company c on c.id = r.company_id "
                + "where r.transmittal_id = ? and c.alias = 'hanbit-enc' and r.acknowledged_at is not null", transmittal)).isEqualTo(1);

        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transmittalNumber"), "-TR-"));
    }

    @Test
    void afterAFormIsSentTheAddressKeepsItsSubjectSoReloadAndBookmarkWork() {
        String tender = Bids.recordTender(Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager"), "Keep the address " + UUID.randomUUID());
        Me.setPreferences(Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager"), "en", "Asia/Tokyo");

        Browser.signIn(browser, "bid-manager@sakura-shoji.example");
        browser.get(TestStack.appUrl() + "/opportunity.xhtml?id=" + tender);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decisionForm:reasons"))).sendKeys("JBIC appetite confirmed");
        browser.findElement(By.xpath("//*[@id='decisionForm:decision']//label[text()='Go']")).click();
        // The choice may re-render the form: click the button as it is once the page has settled
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class).until(driver -> {
            driver.findElement(By.id("decisionForm:record")).click();
            return true;
        });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("currentDecision")));

        assertThat(browser.getCurrentUrl()).contains("/opportunity.xhtml?id=" + tender);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("currentDecision")));
        assertThat(Sql.count("select count(*) from audit_event where subject_id = ? and action = 'opportunity.decided'", tender))
                .as("a reload does not send the decision again").isEqualTo(1);

        // A form refused by a rule stays on the page, with its subject still in the address
        browser.findElement(By.id("decisionForm:reasons")).clear();
        browser.findElement(By.id("decisionForm:record")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#decisionForm .ui-messages-error, #decisionForm .ui-message-error")));
        assertThat(browser.getCurrentUrl()).contains("id=" + tender);
    }

    @Test
    void theBrowserTakesNoLongerTitleThanItsColumnHolds() {
        String consortium = Bids.sakuraWithHanbit("Too long " + UUID.randomUUID())[1];
        Me.setPreferences(Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor"), "ja", "Asia/Tokyo");

        Browser.signIn(browser, "contributor@sakura-shoji.example", By.id("welcome"));
        browser.get(TestStack.appUrl() + "/documents.xhtml?consortium=" + consortium);
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uploadForm:titleEn")));
        field.sendKeys("長".repeat(400));

        assertThat(field.getDomAttribute("maxlength")).isEqualTo("300");
        assertThat(field.getDomProperty("value")).hasSize(300);
    }

    @Test
    void theOperatorsPageHasItsStylesAndItsLanguageSwitchWorks() {
        Browser.signIn(browser, "operator@kakehashi.example", By.id("onboard"));
        Object stylesheets = ((JavascriptExecutor) browser).executeScript("return document.styleSheets.length");
        assertThat(((Number) stylesheets).intValue()).isGreaterThanOrEqualTo(2);

        browser.findElement(By.cssSelector("a[data-lang='ko']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ko"));
        assertThat(browser.getCurrentUrl()).contains("/admin/companies.xhtml");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("회사");
    }
}
