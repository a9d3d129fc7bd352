package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.KeycloakAdmin;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A company admin names where Keycloak fetches its identity provider's metadata, so the address must not
 * reach inside the platform: loopback, link-local (cloud metadata), private and reserved addresses are
 * refused before anything is fetched, and every refusal and every failed fetch reads the same, so the answer
 * tells nothing about what is reachable. (The test server allows its own Keycloak's host, localhost, over http.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CorporateSsoAddressesIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static Http.Reply link(String discoveryUrl) {
        String admin = Tokens.user(DemoCompany.MIRAE_EPC, "company-admin");
        return Http.putJson(TestStack.apiUrl() + "/company/sso", admin, """
                {"protocol": "OIDC", "displayName": "Probe", "discoveryUrl": "%s", "clientId": "kakehashi", "clientSecret": "x",
                 "domains": ["mirae-epc.example"]}""".formatted(discoveryUrl), Map.of());
    }

    @Test
    void addressesInsideThePlatformAreRefusedAndEveryRefusalReadsTheSame() {
        List<String> inside = List.of(
                "http://127.0.0.1:" + TestStack.managementUrl().replaceAll(".*:", "") + "/health", // reachable
                "http://127.0.0.1:1/closed",                                                    // nothing listens
                "http://169.254.169.254/latest/meta-data/",                                     // cloud metadata
                "http://10.0.0.1/.well-known/openid-configuration",                             // private
                "http://[::1]:8080/.well-known/openid-configuration",                           // loopback, IPv6
                "http://100.64.1.1/.well-known/openid-configuration",                           // carrier-grade NAT
                "http://nowhere.invalid/.well-known/openid-configuration",                      // does not resolve
                "https://user@login.example.com/.well-known/openid-configuration");             // credentials in the URL
        List<String> answers = new ArrayList<>();
        for (String url : inside) {
            Http.Reply refused = link(url);
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("rule")).as(url).isEqualTo("metadata-unreadable");
            answers.add(refused.json().getString("detail") + "|" + refused.json().getJsonArray("errors").getJsonObject(0).getString("message"));
        }
        assertThat(answers).as("one uniform answer").containsOnly(answers.get(0));
        assertThat(KeycloakAdmin.get("/identity-provider/instances/mirae-epc-sso").status()).as("nothing was linked").isEqualTo(404);
    }

    @Test
    void aFetchThatFailsAtAnAllowedAddressReadsLikeARefusedAddress() {
        Http.Reply missing = link(TestStack.keycloakUrl() + "/realms/no-such-realm/.well-known/openid-configuration");
        Http.Reply loopback = link("http://127.0.0.1:1/closed");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().getString("detail")).isEqualTo(loopback.json().getString("detail"));
    }
}
