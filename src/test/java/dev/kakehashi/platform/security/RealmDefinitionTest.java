package dev.kakehashi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm kept as code holds what the tenancy model needs, and production imports no demo: its file has
 * no people, no companies, no password-grant client and no secret defaults; the demo's additions live apart
 * and are merged in only by the local stack. The integration tests prove the merged realm works.
 */
class RealmDefinitionTest {

    private static final List<String> COMPANIES = List.of("sakura-shoji", "tsubasa-trading", "hanbit-enc", "mirae-epc");
    private static JsonObject production;
    private static JsonObject realm;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/keycloak/kakehashi-realm.json"))) {
            production = Json.createReader(reader).readObject();
        }
        realm = Json.createReader(new java.io.StringReader(dev.kakehashi.devstack.KeycloakServerAccess.withDemo(
                Path.of("src/main/keycloak/kakehashi-realm.json"), Path.of("src/main/keycloak/demo/kakehashi-demo.json")))).readObject();
    }

    @Test
    void theProductionRealmHoldsNoDemoAccountNoPasswordGrantAndNoDefaultSecret() {
        assertThat(production.containsKey("organizations")).isFalse();
        assertThat(production.getJsonArray("users").getValuesAs(JsonObject.class)).extracting(u -> u.getString("username"))
                .containsExactly("service-account-kakehashi-admin");
        List<JsonObject> clients = production.getJsonArray("clients").getValuesAs(JsonObject.class);
        assertThat(clients).extracting(c -> c.getString("clientId")).containsExactlyInAnyOrder("kakehashi-web", "kakehashi-admin");
        assertThat(clients).allSatisfy(c -> {
            assertThat(c.getBoolean("directAccessGrantsEnabled")).isFalse();
            assertThat(c.getString("secret")).matches("\\$\\{[A-Z_]+}");
        });
        assertThat(production.toString()).doesNotContain("KAKEHASHI_DEMO_PASSWORD");
        COMPANIES.forEach(company -> assertThat(production.toString()).doesNotContain(company));
    }

    private static JsonObject client(String clientId) {
        return realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("clientId").equals(clientId)).findFirst().orElseThrow();
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString::getString);
    }

    @Test
    void organizationsAreEnabledAndEachDemoCompanyIsOneWithItsDomainKindAndCountry() {
        assertThat(realm.getBoolean("organizationsEnabled")).isTrue();
        List<JsonObject> organizations = realm.getJsonArray("organizations").getValuesAs(JsonObject.class);
        assertThat(organizations).extracting(o -> o.getString("alias")).containsExactlyElementsOf(COMPANIES);
        for (JsonObject organization : organizations) {
            String alias = organization.getString("alias");
            assertThat(organization.getJsonArray("domains").getJsonObject(0).getString("name")).isEqualTo(alias + ".example");
            assertThat(strings(organization.getJsonObject("attributes"), "kind")).singleElement().isIn("TRADING_HOUSE", "EPC_CONTRACTOR");
            assertThat(strings(organization.getJsonObject("attributes"), "country")).singleElement().isIn("JP", "KR");
            assertThat(organization.getJsonArray("members").getValuesAs(JsonObject.class))
                    .extracting(m -> m.getString("username"))
                    .containsExactlyInAnyOrder("company-admin@" + alias + ".example", "bid-manager@" + alias + ".example",
                            "contributor@" + alias + ".example", "viewer@" + alias + ".example");
        }
    }

    @Test
    void userClientsPutTheOrganizationAndTheApiAudienceInTokens() {
        for (String clientId : List.of("kakehashi-web", "kakehashi-cli")) {
            JsonObject client = client(clientId);
            assertThat(strings(client, "defaultClientScopes")).as(clientId).contains("organization");
            assertThat(client.getJsonArray("protocolMappers").getValuesAs(JsonObject.class))
                    .anySatisfy(m -> assertThat(m.getJsonObject("config").getString("included.custom.audience")).isEqualTo("kakehashi-api"));
        }
        assertThat(client("kakehashi-web").getBoolean("publicClient")).isFalse();
        assertThat(client("kakehashi-web").getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(client("kakehashi-cli").getBoolean("publicClient")).isTrue();
        assertThat(client("kakehashi-cli").getBoolean("standardFlowEnabled")).isFalse();
    }

    @Test
    void eachErpClientStampsItsOwnCompanyAndNothingElse() {
        for (String alias : COMPANIES) {
            JsonObject client = client(alias + "-erp");
            assertThat(client.getBoolean("serviceAccountsEnabled")).isTrue();
            assertThat(client.getBoolean("standardFlowEnabled")).isFalse();
            assertThat(client.getBoolean("directAccessGrantsEnabled")).isFalse();
            assertThat(client.getString("secret")).endsWith(":" + alias + "-erp-secret}");
            assertThat(strings(client, "defaultClientScopes")).doesNotContain("organization");
            JsonObject stamp = client.getJsonArray("protocolMappers").getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("protocolMapper").equals("oidc-hardcoded-claim-mapper")).findFirst().orElseThrow();
            assertThat(stamp.getJsonObject("config").getString("claim.name")).isEqualTo("organization");
            assertThat(stamp.getJsonObject("config").getString("claim.value")).isEqualTo("[\"" + alias + "\"]");
        }
    }

    @Test
    void demoPasswordsComeFromTheEnvironmentWithDemoAsDefault() {
        List<JsonObject> people = realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.containsKey("credentials")).toList();
        assertThat(people).hasSize(17);
        assertThat(people).allSatisfy(u -> assertThat(u.getJsonArray("credentials").getJsonObject(0).getString("value"))
                .isEqualTo("${KAKEHASHI_DEMO_PASSWORD:demo}"));
        assertThat(people).allSatisfy(u -> assertThat(u.getJsonArray("realmRoles")).hasSize(1));
        assertThat(realm.getJsonArray("users").getValuesAs(JsonObject.class))
                .filteredOn(u -> u.getString("username").equals("operator@kakehashi.example"))
                .singleElement()
                .satisfies(u -> assertThat(u.getJsonArray("realmRoles").getValuesAs(JsonValue::toString)).containsExactly("\"platform-operator\""));
    }
}
