package dev.kakehashi.consortium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.Browser;
import dev.kakehashi.testing.BrowserTest;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The leader invites a company in the workspace; that company's bid manager accepts in the UI and works in it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsortiumBrowserIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }


    private String memberStatus(String company) {
        return browser.findElement(By.xpath("//tr[.//span[@class='kk-member-company' and text()='" + company + "']]//span[contains(@class,'kk-member-status')]"))
                .getText();
    }

    @Test
    void theLeaderRecordsATenderFormsAConsortiumAndInvitesAndTheInvitedBidManagerAcceptsAndSeesTheWorkspace() {
        String leader = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        // Read in English, whatever these people chose before
        for (String token : new String[] {leader, Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager")}) {
            dev.kakehashi.testing.Me.setPreferences(token, "en", "Asia/Tokyo");
        }
        String title = "Vung Ang 3 " + UUID.randomUUID();
        String name = Bids.uniqueCode();

        Browser.signIn(browser, "bid-manager@sakura-shoji.example");
        browser.findElement(By.id("navOpportunities")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newTender:title"))).sendKeys(title);
        browser.findElement(By.id("newTender:employer")).sendKeys("EVN");
        browser.findElement(By.id("newTender:due_input")).sendKeys("2027-04-30 17:00", org.openqa.selenium.Keys.ESCAPE);
        browser.findElement(By.id("newTender:record")).click();
        wait.until(ExpectedConditions.textToBe(By.id("opportunityTitle"), title));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("2027-04-30 17:00 +07:00 (Asia/Ho_Chi_Minh)");

        browser.findElement(By.id("formConsortium:name")).sendKeys(name + " Power Consortium");
        browser.findElement(By.id("formConsortium:code")).sendKeys(name);
        browser.findElement(By.id("formConsortium:form")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("consortiumName"), name));
        String consortium = browser.getCurrentUrl().replaceAll(".*[?&]id=", "");
        Browser.choose(browser, "inviteForm:company", "Tsubasa");
        browser.findElement(By.xpath("//div[@id='inviteForm:roles']//li[@aria-label='Financial advisor']")).click();
        browser.findElement(By.id("inviteForm:invite")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//span[@class='kk-member-company' and text()='tsubasa-trading']")));
        assertThat(memberStatus("tsubasa-trading")).isEqualTo("Invited");
        Browser.screenshot(browser, "consortium-invited");
        Browser.signOut(browser);

        Browser.signIn(browser, "bid-manager@tsubasa-trading.example");
        browser.findElement(By.id("navConsortia")).click();
        By invitation = By.xpath("//tr[.//span[@class='kk-invitation-name' and text()='" + name + " Power Consortium']]");
        wait.until(ExpectedConditions.presenceOfElementLocated(invitation));
        browser.findElement(invitation).findElement(By.xpath(".//button[contains(@id,'accept')]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("consortiumName"), name + " Power Consortium"));
        assertThat(browser.getCurrentUrl()).contains("/consortium.xhtml?id=" + consortium);
        assertThat(memberStatus("tsubasa-trading")).isEqualTo("Active");
        assertThat(memberStatus("sakura-shoji")).isEqualTo("Active");
        assertThat(browser.findElements(By.id("inviteForm:invite"))).as("only the leader invites").isEmpty();
        Browser.screenshot(browser, "consortium-workspace");
    }

    @Test
    void theLeaderSeesBrokenRulesWhileEditingTheAllocationAndSavesANewVersion() {
        String leader = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        dev.kakehashi.testing.Me.setPreferences(leader, "en", "Asia/Tokyo");
        String consortium = Bids.sakuraWithHanbit("Allocation editor " + UUID.randomUUID())[1];
        Http.call("PUT", TestStack.apiUrl() + "/consortia/" + consortium + "/allocation", leader,
                Bids.allocationJson(Bids.SOUND_PACKAGES_TURBINE, Bids.SOUND_PACKAGES_REST), java.util.Map.of("If-Match", "\"0\""));

        Browser.signIn(browser, "bid-manager@sakura-shoji.example");
        browser.get(TestStack.appUrl() + "/consortium.xhtml?id=" + consortium);
        By checks = By.id("allocationForm:checks");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(checks, "The allocation follows every rule."));
        org.openqa.selenium.WebElement hanbitEquity = browser.findElement(By.xpath(
                "//div[@id='allocationForm:equity']//tr[td[normalize-space()='hanbit-enc']]//input[contains(@id,'_input') and @type='text']"));

        hanbitEquity.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "30", org.openqa.selenium.Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(checks, "Equity shares must sum to 100 %"));
        Browser.screenshot(browser, "allocation-live-check");

        hanbitEquity = browser.findElement(By.xpath(
                "//div[@id='allocationForm:equity']//tr[td[normalize-space()='hanbit-enc']]//input[contains(@id,'_input') and @type='text']"));
        hanbitEquity.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "40", org.openqa.selenium.Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(checks, "The allocation follows every rule."));
        browser.findElement(By.id("allocationForm:save")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The allocation is saved as a new version."));
        assertThat(Http.get(TestStack.apiUrl() + "/consortia/" + consortium + "/allocation", leader).json().getInt("version")).isEqualTo(2);
    }
}
