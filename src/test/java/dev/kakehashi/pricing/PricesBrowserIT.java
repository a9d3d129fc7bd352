package dev.kakehashi.pricing;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.Browser;
import dev.kakehashi.testing.BrowserTest;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Me;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The leader's bid manager prices its package and seals it beside the partner's seal, sets the opening, and reads one bid price. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PricesBrowserIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private String sealedOf(String company) {
        return browser.findElement(By.xpath("//tr[.//span[@class='kk-status-company' and text()='" + company + "']]//span[@class='kk-status-sealed']")).getText();
    }

    @Test
    void aBidManagerPricesAndSealsSetsTheOpeningAndReadsTheConsolidatedPriceOnceItPassed() throws Exception {
        String leader = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        Me.setPreferences(leader, "en", "Asia/Tokyo");
        String consortium = Bids.sakuraWithHanbit("Prices in the browser " + UUID.randomUUID())[1];
        assertThat(Http.call("PUT", api("/consortia/" + consortium + "/allocation"), leader,
                Bids.allocationJson(Bids.pack("Financing", "sakura-shoji", "20", "{\"sakura-shoji\": \"A\"}"),
                        Bids.pack("Gas turbine island", "hanbit-enc", "80", "{\"hanbit-enc\": \"A\"}")), Map.of("If-Match", "\"0\"")).status()).isEqualTo(200);
        // The partner prices and seals its island through the API
        String partner = Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager");
        Http.Reply priced = Http.call("PUT", api("/consortia/" + consortium + "/prices/mine"), partner,
                "{\"lines\": [{\"package\": \"Gas turbine island\", \"amount\": \"612000000.50\", \"currency\": \"USD\"}]}", Map.of("If-Match", "\"0\""));
        assertThat(Http.call("POST", api("/consortia/" + consortium + "/prices/mine/seal"), partner, null, Map.of("If-Match", priced.header("ETag"))).status())
                .isEqualTo(200);

        Browser.signIn(browser, "bid-manager@sakura-shoji.example");
        browser.get(TestStack.appUrl() + "/prices.xhtml?consortium=" + consortium);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mine:lines:0:amount"))).sendKeys("120000000");
        Browser.choose(browser, "mine:lines:0:currency", "JPY");
        browser.findElement(By.id("mine:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mineState"), "Version 1"));
        assertThat(sealedOf("hanbit-enc")).isEqualTo("Yes");
        assertThat(sealedOf("sakura-shoji")).isEqualTo("No");
        assertThat(browser.findElement(By.tagName("body")).getText()).as("the partner's price stays sealed").doesNotContain("612000000");

        browser.findElement(By.id("mine:seal")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mineState"), "Sealed"));
        assertThat(sealedOf("sakura-shoji")).isEqualTo("Yes");

        Instant opensAt = Instant.now().plusSeconds(6);
        browser.findElement(By.id("opening:opensAt")).sendKeys(opensAt.atOffset(ZoneOffset.ofHours(7)).withNano(0).toString());
        browser.findElement(By.cssSelector("input.kk-rate-JPY")).sendKeys("0.00671");
        browser.findElement(By.id("opening:ratesSource")).sendKeys("Vietcombank");
        browser.findElement(By.id("opening:setOpening")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("openingInfo"), "Bid currency: USD"));
        assertThat(browser.findElement(By.id("openingInfo")).getText()).contains("(Asia/Tokyo)").contains("(Asia/Ho_Chi_Minh)");
        assertThat(browser.findElement(By.id("countdown")).getText()).startsWith("The prices open in 0 d 0 h");
        Browser.screenshot(browser, "prices-sealed");

        Thread.sleep(Math.max(0, opensAt.toEpochMilli() - System.currentTimeMillis()) + 1000);
        browser.navigate().refresh();
        // By hand: 120,000,000 JPY × 0.00671 = 805,200.00 USD, plus 612,000,000.50 USD
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "612805200.50 USD"));
        assertThat(browser.findElement(By.id("consolidated")).getText()).contains("805200.00").contains("612000000.50");
        assertThat(browser.findElements(By.cssSelector("[id$='chart'] canvas"))).as("the chart by package and company").hasSize(1);
        Browser.screenshot(browser, "prices-opened");
    }
}
