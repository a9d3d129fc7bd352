package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Browser;
import dev.kakehashi.testing.BrowserTest;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.KeycloakAdmin;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The company admin's pages (users, SSO, API clients) and the operator's onboarding page, in a real browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanyAdministrationBrowserIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static void inEnglish(String token) {
        dev.kakehashi.testing.Me.setPreferences(token, "en", "Asia/Tokyo");
    }

    @Test
    void sakurasAdminSeesItsSsoLinkDisablesAUserAndCreatesAnApiClientWhoseSecretIsShownOnce() {
        CorporateSsoBrowserIT.linkSakuraCorp();
        inEnglish(Tokens.user(DemoCompany.SAKURA_SHOJI, "company-admin"));
        Browser.signIn(browser, "company-admin@sakura-shoji.example");

        browser.findElement(By.id("navSso")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("linkedProtocol")));
        assertThat(browser.findElement(By.id("linkedIssuer")).getText()).endsWith("/realms/sakura-corp");
        assertThat(browser.findElement(By.id("redirectUri")).getText()).endsWith("/realms/kakehashi/broker/sakura-shoji-sso/endpoint");
        Browser.screenshot(browser, "sso-company-admin-link");

        browser.findElement(By.id("navUsers")).click();
        String viewerRow = "//tr[.//span[@class='kk-user-email' and text()='viewer@sakura-shoji.example']]";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(viewerRow)));
        browser.findElement(By.xpath(viewerRow + "//button[contains(@id,'disable')]")).click();
        wait.until(ExpectedConditions.textToBe(By.xpath(viewerRow + "//span[contains(@class,'kk-user-status')]"), "Disabled"));
        String viewerId = KeycloakAdmin.userByEmail("viewer@sakura-shoji.example").orElseThrow().getString("id");
        assertThat(KeycloakAdmin.get("/users/" + viewerId).json().getBoolean("enabled")).isFalse();
        Browser.screenshot(browser, "sso-company-admin-users");
        browser.findElement(By.xpath(viewerRow + "//button[contains(@id,'enable')]")).click();
        wait.until(ExpectedConditions.textToBe(By.xpath(viewerRow + "//span[contains(@class,'kk-user-status')]"), "Active"));
        assertThat(KeycloakAdmin.get("/users/" + viewerId).json().getBoolean("enabled")).isTrue();

        browser.findElement(By.id("navClients")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:name"))).sendKeys("SAP S/4HANA");
        browser.findElement(By.id("create:submit")).click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shownSecret"))).getText();
        String clientId = browser.findElement(By.id("shownClientId")).getText();
        Browser.screenshot(browser, "sso-company-admin-clients");
        assertThat(Http.postForm(TestStack.realmUrl() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)).status()).isEqualTo(200);
        // A reload is a plain GET after the redirect: no second client, and the secret is gone
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:name")));
        assertThat(browser.findElements(By.id("shownSecret"))).isEmpty();
        assertThat(Sql.count("select count(*) from erp_client where name = 'SAP S/4HANA' and company_id = "
                + "(select id from company where alias = 'sakura-shoji')")).isEqualTo(1);
        assertThat(browser.getPageSource()).contains(clientId).doesNotContain(secret);
    }

    @Test
    void theOperatorLandsOnOnboardingAndOnboardsACompany() {
        Browser.signIn(browser, "operator@kakehashi.example", By.id("companies"));

        assertThat(browser.getCurrentUrl()).contains("/admin/companies.xhtml");
        assertThat(browser.findElements(By.id("navConsortia"))).isEmpty();
        browser.findElement(By.id("onboard:alias")).sendKeys("hinode-bussan");
        browser.findElement(By.id("onboard:nameEn")).sendKeys("Hinode Bussan Kaisha");
        browser.findElement(By.id("onboard:nameLocal")).sendKeys("日之出物産株式会社");
        browser.findElement(By.id("onboard:country")).sendKeys("JP");
        browser.findElement(By.id("onboard:domains")).sendKeys("hinode-bussan.example");
        browser.findElement(By.id("onboard:adminEmail")).sendKeys("admin@hinode-bussan.example");
        browser.findElement(By.id("onboard:submit")).click();

        String row = "//tr[.//span[@class='kk-company-alias' and text()='hinode-bussan']]";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(row)));
        assertThat(browser.findElement(By.xpath(row + "//span[@class='kk-company-status']")).getText()).isEqualTo("Waiting for the first sign-in");
        assertThat(Sql.rows("select n.name from company c join company_name n on n.company_id = c.id where c.alias = 'hinode-bussan' "
                + "and n.lang = 'ja'").get(0).get("name")).isEqualTo("日之出物産株式会社");
        assertThat(KeycloakAdmin.organizationByAlias("hinode-bussan")).isPresent();
        Browser.screenshot(browser, "onboarding-operator");

        browser.get(TestStack.appUrl() + "/consortia.xhtml");
        wait.until(ExpectedConditions.urlContains("/admin/companies.xhtml"));
    }
}
