package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Browser;
import dev.kakehashi.testing.BrowserTest;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.KeycloakAdmin;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Sakura Shoji's admin links its corporate identity provider (the sakura-corp realm); Taro, who has
 * never had a Kakehashi password, types his e-mail on Kakehashi's login page, is sent to his company's
 * sign-in, and lands on the dashboard as a member of sakura-shoji.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CorporateSsoBrowserIT extends BrowserTest {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    /** Links sakura-corp as Sakura Shoji's OIDC provider for its domain (or leaves the link as it is). */
    static void linkSakuraCorp() {
        String admin = Tokens.user(DemoCompany.SAKURA_SHOJI, "company-admin");
        Http.Reply current = Http.get(TestStack.apiUrl() + "/company/sso", admin);
        Map<String, String> ifMatch = current.status() == 200 ? Map.of("If-Match", current.header("ETag")) : Map.of();
        Http.Reply linked = Http.putJson(TestStack.apiUrl() + "/company/sso", admin, """
                {"protocol": "OIDC", "displayName": "Sakura Shoji corporate sign-in",
                 "discoveryUrl": "%s/realms/sakura-corp/.well-known/openid-configuration",
                 "clientId": "kakehashi", "clientSecret": "sakura-corp-secret",
                 "domains": ["sakura-shoji.example"], "redirectWhenEmailMatches": true, "defaultRole": "contributor"}
                """.formatted(TestStack.keycloakUrl()), ifMatch);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    }

    @Test
    void taroSignsInThroughSakuraCorpAndLandsOnTheDashboardAsAMemberOfSakuraShoji() {
        linkSakuraCorp();

        browser.get(TestStack.appUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("taro@sakura-shoji.example");
        browser.findElement(By.id("kc-login")).click();

        // Sent to the corporate identity provider: its realm, its own login form
        wait.until(ExpectedConditions.urlContains("/realms/sakura-corp/"));
        Browser.screenshot(browser, "sso-corporate-login");
        var username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        if (username.getAttribute("value").isEmpty()) {
            username.sendKeys("taro@sakura-shoji.example");
        }
        var password = browser.findElements(By.id("password"));
        if (password.isEmpty()) {
            browser.findElement(By.id("kc-login")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys(Tokens.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        assertThat(browser.getCurrentUrl()).startsWith(TestStack.appUrl());
        assertThat(browser.findElement(By.id("companyAlias")).getText()).isEqualTo("sakura-shoji");
        assertThat(browser.findElement(By.id("welcome")).getText()).contains("Taro Yamada");

        // In Keycloak: a member of Sakura Shoji's organization, linked to the corporate provider, with the
        // default role the admin chose, and without any Kakehashi password
        JsonObject taro = KeycloakAdmin.userByEmail("taro@sakura-shoji.example").orElseThrow();
        String id = taro.getString("id");
        assertThat(KeycloakAdmin.get("/users/" + id + "/federated-identity").jsonArray().getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("identityProvider")).containsExactly("sakura-shoji-sso");
        assertThat(KeycloakAdmin.get("/users/" + id + "/credentials").jsonArray()).isEmpty();
        assertThat(KeycloakAdmin.get("/users/" + id + "/role-mappings/realm").jsonArray().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("name")).contains("contributor").doesNotContain("company-admin");
        assertThat(KeycloakAdmin.get("/organizations/members/" + id + "/organizations").jsonArray().getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("alias")).containsExactly("sakura-shoji");

        // Sakura's admin sees Taro among its users, signing in through the corporate provider
        JsonObject listed = Http.get(TestStack.apiUrl() + "/company/users?q=taro", Tokens.user(DemoCompany.SAKURA_SHOJI, "company-admin"))
                .jsonArray().getJsonObject(0);
        assertThat(listed.getString("email")).isEqualTo("taro@sakura-shoji.example");
        assertThat(listed.getString("signIn")).isEqualTo("CORPORATE_SSO");
    }

    @Test
    void probeWhetherAPasswordUserOfTheLinkedDomainStillGetsThePasswordForm() {
        linkSakuraCorp();

        Browser.signIn(browser, "bid-manager@sakura-shoji.example");

        assertThat(browser.findElement(By.id("companyAlias")).getText()).isEqualTo("sakura-shoji");
    }
}
