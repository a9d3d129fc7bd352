package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.KeycloakAdmin;
import dev.kakehashi.testing.Mailbox;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A company admin runs its company's users, ERP clients and SSO link; every change is in Keycloak and in the audit trail. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanyAdministrationApiIT {

    private static final String USERS = TestStack.apiUrl() + "/company/users";
    private static final String CLIENTS = TestStack.apiUrl() + "/company/clients";
    private static final String SSO = TestStack.apiUrl() + "/company/sso";
    private static final String TOKEN_URL = TestStack.realmUrl() + "/protocol/openid-connect/token";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static long auditEvents(String action, String subject) {
        return Sql.count("select count(*) from audit_event where action = ? and subject_id = ? and consortium_id is null", action, subject);
    }

    @Test
    void anAdminInvitesAPersonSetsItsRolesAndDisablesAndReEnablesIt() {
        String admin = Tokens.user(DemoCompany.MIRAE_EPC, "company-admin");

        Http.Reply invited = Http.postJson(USERS, admin, """
                {"email": "engineer@mirae-epc.example", "firstName": "지우", "lastName": "박", "roles": ["contributor"], "locale": "ko"}
                """);

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        JsonObject user = invited.json();
        String id = user.getString("id");
        assertThat(user.getString("signIn")).isEqualTo("INVITED");
        assertThat(user.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("contributor");
        assertThat(Mailbox.awaitMessage("engineer@mirae-epc.example", "").body()).contains("login-actions/action-token");
        JsonObject organization = KeycloakAdmin.organizationByAlias("mirae-epc").orElseThrow();
        assertThat(KeycloakAdmin.get("/organizations/" + organization.getString("id") + "/members?search=engineer").jsonArray()).hasSize(1);
        Http.Reply list = Http.get(USERS, admin);
        assertThat(list.jsonArray().getValuesAs(JsonObject.class)).extracting(u -> u.getString("email")).contains("engineer@mirae-epc.example",
                "bid-manager@mirae-epc.example");
        assertThat(Long.parseLong(list.header("X-Total-Count"))).isGreaterThanOrEqualTo(5);

        // Roles: If-Match required, a stale one refused, then the change
        String change = "{\"roles\": [\"bid-manager\", \"viewer\"]}";
        assertThat(Http.call("PATCH", USERS + "/" + id, admin, change, Map.of()).status()).isEqualTo(428);
        assertThat(Http.call("PATCH", USERS + "/" + id, admin, change, Map.of("If-Match", "\"42\"")).status()).isEqualTo(412);
        Http.Reply changed = Http.call("PATCH", USERS + "/" + id, admin, change, Map.of("If-Match", invited.header("ETag")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("bid-manager", "viewer");
        assertThat(KeycloakAdmin.get("/users/" + id + "/role-mappings/realm").jsonArray().getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("name")).contains("bid-manager", "viewer").doesNotContain("contributor");

        Http.Reply disabled = Http.call("PATCH", USERS + "/" + id, admin, "{\"enabled\": false}", Map.of("If-Match", changed.header("ETag")));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(KeycloakAdmin.get("/users/" + id).json().getBoolean("enabled")).isFalse();
        Http.Reply enabled = Http.call("PATCH", USERS + "/" + id, admin, "{\"enabled\": true}", Map.of("If-Match", disabled.header("ETag")));
        assertThat(enabled.json().getBoolean("enabled")).isTrue();

        assertThat(auditEvents("company-user.invited", "engineer@mirae-epc.example")).isEqualTo(1);
        assertThat(auditEvents("company-user.roles-changed", "engineer@mirae-epc.example")).isEqualTo(1);
        assertThat(auditEvents("company-user.disabled", "engineer@mirae-epc.example")).isEqualTo(1);
        assertThat(auditEvents("company-user.enabled", "engineer@mirae-epc.example")).isEqualTo(1);
        assertThat(Http.get(TestStack.apiUrl() + "/company/audit", admin).jsonArray().getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("action")).contains("company-user.invited", "company-user.disabled");
    }

    @Test
    void invitationsAndChangesThatBreakARuleChangeNothing() {
        String admin = Tokens.user(DemoCompany.MIRAE_EPC, "company-admin");
        String adminId = Http.get(TestStack.apiUrl() + "/me", admin).json().getString("id");

        Http.Reply foreign = Http.postJson(USERS, admin, "{\"email\": \"spy@hanbit-enc.example\", \"firstName\": \"A\", \"lastName\": \"B\", \"roles\": [\"viewer\"]}");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).contains("email-domain-not-company");
        assertThat(KeycloakAdmin.userByEmail("spy@hanbit-enc.example")).isEmpty();

        Http.Reply existing = Http.postJson(USERS, admin, "{\"email\": \"viewer@mirae-epc.example\", \"firstName\": \"A\", \"lastName\": \"B\", \"roles\": [\"viewer\"]}");
        assertThat(existing.status()).isEqualTo(409);

        Http.Reply bad = Http.postJson(USERS, admin, "{\"email\": \"nope\", \"roles\": [\"platform-operator\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .contains("email", "firstName", "lastName", "roles");

        Http.Reply self = Http.get(USERS + "/" + adminId, admin);
        Http.Reply lockOut = Http.call("PATCH", USERS + "/" + adminId, admin, "{\"enabled\": false}", Map.of("If-Match", self.header("ETag")));
        assertThat(lockOut.status()).isEqualTo(422);
        assertThat(lockOut.body()).contains("not-yourself");
        Http.Reply demote = Http.call("PATCH", USERS + "/" + adminId, admin, "{\"roles\": [\"viewer\"]}", Map.of("If-Match", self.header("ETag")));
        assertThat(demote.status()).isEqualTo(422);
        assertThat(KeycloakAdmin.get("/users/" + adminId).json().getBoolean("enabled")).isTrue();

        String bidManager = Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager");
        assertThat(Http.get(USERS, bidManager).status()).isEqualTo(403);
        assertThat(Http.get(CLIENTS, bidManager).status()).isEqualTo(403);
        assertThat(Http.get(SSO, bidManager).status()).isEqualTo(403);
    }

    private static Http.Reply clientToken(String clientId, String secret) {
        return Http.postForm(TOKEN_URL, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    @Test
    void aRotatedErpSecretStopsWorkingAtOnceAndTheNewOneWorks() {
        String admin = Tokens.user(DemoCompany.TSUBASA_TRADING, "company-admin");

        Http.Reply created = Http.postJson(CLIENTS, admin, "{\"name\": \"SAP S/4HANA 本番\", \"roles\": [\"bid-manager\"]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject client = created.json();
        String clientId = client.getString("clientId");
        String firstSecret = client.getString("secret");
        assertThat(clientId).startsWith("tsubasa-trading-erp-");
        Http.Reply token = clientToken(clientId, firstSecret);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        JsonObject me = Http.get(TestStack.apiUrl() + "/me", token.json().getString("access_token")).json();
        assertThat(me.getJsonObject("company").getString("alias")).isEqualTo("tsubasa-trading");
        assertThat(me.getBoolean("serviceAccount")).isTrue();
        assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("bid-manager");
        assertThat(Http.get(CLIENTS, admin).body()).contains(clientId).doesNotContain(firstSecret);

        assertThat(Http.postJson(CLIENTS + "/" + client.getString("id") + "/rotate", admin, "").status()).isEqualTo(428);
        Http.Reply rotated = Http.call("POST", CLIENTS + "/" + client.getString("id") + "/rotate", admin, null,
                Map.of("If-Match", Http.get(CLIENTS + "/" + client.getString("id"), admin).header("ETag")));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String secondSecret = rotated.json().getString("secret");
        assertThat(secondSecret).isNotEqualTo(firstSecret);
        assertThat(clientToken(clientId, firstSecret).status()).isEqualTo(401);
        assertThat(clientToken(clientId, secondSecret).status()).isEqualTo(200);

        assertThat(Http.call("DELETE", CLIENTS + "/" + client.getString("id"), admin, null, Map.of()).status()).isEqualTo(428);
        assertThat(Http.call("DELETE", CLIENTS + "/" + client.getString("id"), admin, null,
                Map.of("If-Match", Http.get(CLIENTS + "/" + client.getString("id"), admin).header("ETag"))).status()).isEqualTo(204);
        assertThat(clientToken(clientId, secondSecret).status()).isIn(400, 401);
        JsonObject revoked = Http.get(CLIENTS + "/" + client.getString("id"), admin).json();
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(KeycloakAdmin.clientByClientId(clientId).orElseThrow().getBoolean("enabled")).isFalse();
        assertThat(Http.call("POST", CLIENTS + "/" + client.getString("id") + "/rotate", admin, null,
                Map.of("If-Match", Http.get(CLIENTS + "/" + client.getString("id"), admin).header("ETag"))).status()).isEqualTo(422);

        assertThat(auditEvents("erp-client.created", clientId)).isEqualTo(1);
        assertThat(auditEvents("erp-client.secret-rotated", clientId)).isEqualTo(1);
        assertThat(auditEvents("erp-client.revoked", clientId)).isEqualTo(1);
        assertThat(Sql.rows("select summary from audit_event where subject_id = ?", clientId).toString())
                .doesNotContain(firstSecret, secondSecret);

        Http.Reply adminClient = Http.postJson(CLIENTS, admin, "{\"name\": \"Too strong\", \"roles\": [\"company-admin\"]}");
        assertThat(adminClient.status()).isEqualTo(400);
    }

    @Test
    void aSamlProviderIsLinkedFromItsMetadataAndOnlyTheCompanysOwnDomainsCanBeLinked() {
        String admin = Tokens.user(DemoCompany.TSUBASA_TRADING, "company-admin");
        assertThat(Http.get(SSO, admin).status()).isEqualTo(404);
        String metadata = Http.get(TestStack.keycloakUrl() + "/realms/sakura-corp/protocol/saml/descriptor", null).body();

        Http.Reply linked = Http.putJson(SSO, admin, jakarta.json.Json.createObjectBuilder()
                .add("protocol", "SAML").add("displayName", "Tsubasa SAML").add("metadataXml", metadata)
                .add("domains", jakarta.json.Json.createArrayBuilder().add("tsubasa-trading.example"))
                .add("redirectWhenEmailMatches", false).add("defaultRole", "viewer").build().toString(), Map.of());

        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().getString("protocol")).isEqualTo("SAML");
        assertThat(linked.json().getString("issuerOrEntityId")).isEqualTo(TestStack.keycloakUrl() + "/realms/sakura-corp");
        assertThat(linked.json().getString("redirectUri")).endsWith("/realms/kakehashi/broker/tsubasa-trading-sso/endpoint");
        JsonObject organization = KeycloakAdmin.organizationByAlias("tsubasa-trading").orElseThrow();
        assertThat(KeycloakAdmin.get("/organizations/" + organization.getString("id") + "/identity-providers").jsonArray()
                .getValuesAs(JsonObject.class)).extracting(i -> i.getString("alias")).containsExactly("tsubasa-trading-sso");
        assertThat(auditEvents("sso.linked", "tsubasa-trading-sso")).isEqualTo(1);

        String again = "{\"protocol\": \"SAML\", \"displayName\": \"Tsubasa SAML\", \"metadataUrl\": \"" + TestStack.keycloakUrl()
                + "/realms/sakura-corp/protocol/saml/descriptor\", \"domains\": [\"tsubasa-trading.example\"], \"redirectWhenEmailMatches\": false}";
        assertThat(Http.putJson(SSO, admin, again, Map.of()).status()).isEqualTo(428);
        assertThat(Http.putJson(SSO, admin, again, Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);

        String foreignDomain = again.replace("tsubasa-trading.example", "sakura-shoji.example");
        Http.Reply refused = Http.putJson(SSO, admin, foreignDomain, Map.of("If-Match", linked.header("ETag")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("domain-not-company");
        assertThat(Http.get(SSO, admin).json().getJsonArray("domains").getValuesAs(JsonString::getString)).containsExactly("tsubasa-trading.example");

        Http.Reply unreadable = Http.putJson(SSO, Tokens.user(DemoCompany.MIRAE_EPC, "company-admin"), """
                {"protocol": "OIDC", "displayName": "Nowhere", "discoveryUrl": "http://localhost:9/.well-known/openid-configuration",
                 "clientId": "x", "clientSecret": "y", "domains": ["mirae-epc.example"]}
                """, Map.of());
        assertThat(unreadable.status()).as(unreadable.body()).isIn(422, 503);
        assertThat(KeycloakAdmin.get("/identity-provider/instances/mirae-epc-sso").status()).isEqualTo(404);
    }
}
