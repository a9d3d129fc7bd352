package dev.kakehashi.document;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.Browser;
import dev.kakehashi.testing.BrowserTest;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A contributor uploads (in chunks, with progress) and transmits; the recipient signs in, finds the task and approves. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentBrowserIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    @Test
    void aContributorUploadsWithProgressAndTransmitsAndTheRecipientApprovesInItsTasks() throws Exception {
        String owner = Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
        String reviewer = Tokens.user("contributor@hanbit-enc.example");
        for (String token : new String[] {owner, reviewer}) {
            dev.kakehashi.testing.Me.setPreferences(token, "en", "Asia/Tokyo");
        }
        String consortium = Bids.sakuraWithHanbit("Browser documents " + UUID.randomUUID())[1];
        byte[] content = new byte[700_000];
        new Random(7).nextBytes(content);
        Path file = Files.createTempDirectory("kk-upload").resolve("電気仕様書 rev A.pdf");
        Files.write(file, content);

        Browser.signIn(browser, "contributor@sakura-shoji.example");
        browser.get(TestStack.appUrl() + "/documents.xhtml?consortium=" + consortium);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uploadForm:titleEn"))).sendKeys("Electrical specification");
        browser.findElement(By.id("uploadForm:newDiscipline")).sendKeys("ELE");
        browser.findElement(By.id("uploadForm:newType")).sendKeys("SPC");
        // A slow uplink (1 MB/s), so that the progress of the 64 KiB chunks is visible as it would be on a real network
        org.openqa.selenium.chromium.ChromiumNetworkConditions uplink = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        uplink.setLatency(java.time.Duration.ofMillis(20));
        uplink.setUploadThroughput(1_000_000);
        uplink.setDownloadThroughput(10_000_000);
        ((org.openqa.selenium.chromium.HasNetworkConditions) browser).setNetworkConditions(uplink);
        // Record every width the progress bar shows while the file goes up in 64 KiB chunks
        ((JavascriptExecutor) browser).executeScript("""
                window.kkProgress = [];
                new MutationObserver(() => document.querySelectorAll('#uploadForm\\\\:file .ui-progressbar-value').forEach(
                    bar => window.kkProgress.push(bar.style.width))).observe(document.body, {subtree: true, attributes: true, childList: true});""");
        browser.findElement(By.cssSelector("#uploadForm\\:file input[type=file]")).sendKeys(file.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("uploadedFile"), "電気仕様書 rev A.pdf"));
        @SuppressWarnings("unchecked")
        java.util.List<String> widths = (java.util.List<String>) ((JavascriptExecutor) browser).executeScript("return window.kkProgress;");
        assertThat(widths).as("the progress bar moved during the upload").anyMatch(w -> w.endsWith("%") && !w.equals("0%") && !w.equals("100%"));
        ((org.openqa.selenium.chromium.HasNetworkConditions) browser).deleteNetworkConditions();
        browser.findElement(By.id("uploadForm:register")).click();
        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kk-document-number")));
        assertThat(number.getText()).endsWith("-SKR-ELE-SPC-0001");

        // transmit it to Hanbit for review
        browser.findElement(By.cssSelector("#registerForm\\:documents .ui-chkbox-box")).click();
        browser.findElement(By.xpath("//label[text()='hanbit-enc']")).click();
        browser.findElement(By.id("registerForm:message")).sendKeys("Please review / 검토 부탁드립니다");
        browser.findElement(By.id("registerForm:transmit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "-TR-00001"));
        assertThat(browser.findElement(By.cssSelector(".kk-transmittal-number")).getText()).endsWith("-TR-00001");

        String document = Http.get(api("/consortia/" + consortium + "/documents"), owner).jsonArray().getJsonObject(0).getString("id");
        JsonObject stored = Http.get(api("/documents/" + document), reviewer).json();
        assertThat(stored.getJsonArray("revisions").getJsonObject(0).getString("fileName")).isEqualTo("電気仕様書 rev A.pdf");
        assertThat(stored.getJsonArray("revisions").getJsonObject(0).getJsonNumber("size").longValue()).isEqualTo(700_000);
        Http.Reply started = Documents.startReview(document, owner, Documents.reviewJson("A", new String[] {"contributor@hanbit-enc.example"}));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        Browser.signOut(browser);

        // the recipient finds the review in its tasks and approves
        Browser.signIn(browser, "contributor@hanbit-enc.example");
        browser.findElement(By.id("navTasks")).click();
        // (other tests' reviews may wait for the same person: pick this document's)
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".kk-task-link[href*='" + document + "']"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("documentNumber"), stored.getString("number")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kk-ball")));
        assertThat(browser.findElement(By.cssSelector(".kk-ball")).getText()).contains("Jihoon Lee");
        // Nothing is chosen for the reviewer: the decision is picked deliberately
        assertThat(browser.findElements(By.cssSelector("[id$='decisionForm:decision'] .ui-radiobutton-box.ui-state-active"))).isEmpty();
        browser.findElement(By.xpath("//*[contains(@id,'decisionForm:decision')]//label[text()='Approve']")).click();
        WebElement decide = browser.findElement(By.cssSelector("[id$='decisionForm:decide']"));
        decide.click();
        // a full-page post: wait until the old page is gone before reading the new one
        wait.until(ExpectedConditions.stalenessOf(decide));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kk-review-status"), "Approved"));
        assertThat(Http.get(api("/documents/" + document), owner).json().getString("status")).isEqualTo("APPROVED");
        assertThat(browser.findElements(By.cssSelector(".kk-ball"))).isEmpty();
    }
}
