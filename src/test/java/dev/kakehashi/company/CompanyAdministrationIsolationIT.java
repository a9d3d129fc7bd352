package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

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

/** One company's admin cannot see or touch another company's users, clients or SSO link: 404, and nothing changes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanyAdministrationIsolationIT {

    /** Fixed ids of the realm file and of the demo data. */
    private static final String SAKURA_ADMIN_ID = "65da2294-df9f-56bb-9fc6-812f10c6e1ab";
    private static final String SAKURA_ERP_CLIENT = "5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c1001";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    @Test
    void anAdminOfAnotherCompanyGets404ForSakurasUsersAndClients() {
        String hanbitAdmin = Tokens.user(DemoCompany.HANBIT_ENC, "company-admin");
        String api = TestStack.apiUrl();

        for (Http.Reply reply : new Http.Reply[] {
                Http.get(api + "/company/users/" + SAKURA_ADMIN_ID, hanbitAdmin),
                Http.call("PATCH", api + "/company/users/" + SAKURA_ADMIN_ID, hanbitAdmin, "{\"enabled\": false}", Map.of("If-Match", "\"0\"")),
                Http.get(api + "/company/clients/" + SAKURA_ERP_CLIENT, hanbitAdmin),
                Http.postJson(api + "/company/clients/" + SAKURA_ERP_CLIENT + "/rotate", hanbitAdmin, ""),
                Http.call("DELETE", api + "/company/clients/" + SAKURA_ERP_CLIENT, hanbitAdmin, null, Map.of())}) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(Http.get(api + "/company/users?q=sakura", hanbitAdmin).jsonArray()).isEmpty();
        assertThat(Http.get(api + "/company/clients", hanbitAdmin).body()).doesNotContain("sakura-shoji-erp");
        assertThat(Http.get(api + "/company/audit", hanbitAdmin).body()).doesNotContain("sakura");

        // Nothing changed on Keycloak's side: Sakura's admin is enabled, its ERP client works with its secret
        assertThat(KeycloakAdmin.get("/users/" + SAKURA_ADMIN_ID).json().getBoolean("enabled")).isTrue();
        assertThat(Http.postForm(TestStack.realmUrl() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", "sakura-shoji-erp", "client_secret", "sakura-shoji-erp-secret")).status()).isEqualTo(200);
        assertThat(Sql.count("select count(*) from erp_client where id = ? and revoked_at is null", SAKURA_ERP_CLIENT)).isEqualTo(1);
    }

    @Test
    void anotherCompanysSsoLinkIsNeitherVisibleNorReachable() {
        CorporateSsoBrowserIT.linkSakuraCorp();
        String mirae = Tokens.user(DemoCompany.MIRAE_EPC, "company-admin");

        Http.Reply mine = Http.get(TestStack.apiUrl() + "/company/sso", mirae);
        assertThat(mine.status()).isEqualTo(404);
        assertThat(mine.body()).doesNotContain("sakura");

        Http.Reply stealDomain = Http.putJson(TestStack.apiUrl() + "/company/sso", mirae, """
                {"protocol": "OIDC", "displayName": "Not ours", "discoveryUrl": "%s/realms/sakura-corp/.well-known/openid-configuration",
                 "clientId": "kakehashi", "clientSecret": "sakura-corp-secret", "domains": ["sakura-shoji.example"]}
                """.formatted(TestStack.keycloakUrl()), Map.of());
        assertThat(stealDomain.status()).isEqualTo(422);
        assertThat(stealDomain.body()).contains("domain-not-company");
        assertThat(KeycloakAdmin.get("/identity-provider/instances/mirae-epc-sso").status()).isEqualTo(404);
    }

    @Test
    void anErpClientsTokenActsForItsCompanyOnly() {
        String tsubasaAdmin = Tokens.user(DemoCompany.TSUBASA_TRADING, "company-admin");
        Http.Reply created = Http.postJson(TestStack.apiUrl() + "/company/clients", tsubasaAdmin, "{\"name\": \"Oracle ERP\", \"roles\": [\"viewer\"]}");
        String token = Http.postForm(TestStack.realmUrl() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", created.json().getString("clientId"), "client_secret", created.json().getString("secret"))).json().getString("access_token");

        assertThat(Http.get(TestStack.apiUrl() + "/me", token).json().getJsonObject("company").getString("alias")).isEqualTo("tsubasa-trading");
        // Not a company admin: it cannot reach the company's administration, let alone another company's
        assertThat(Http.get(TestStack.apiUrl() + "/company/clients", token).status()).isEqualTo(403);
        assertThat(Http.get(TestStack.apiUrl() + "/company/users/" + SAKURA_ADMIN_ID, token).status()).isIn(403, 404);
    }
}
