package dev.kakehashi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    /** A verified token's claims, as SmallRye JWT hands them over (JSON values). */
    private record Claims(JsonObject json) implements JsonWebToken {
        @Override
        public String getName() {
            return json.getString("preferred_username", null);
        }

        @Override
        public Set<String> getClaimNames() {
            return json.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            JsonValue value = json.get(name);
            if (value == null) {
                return null;
            }
            return (T) (value.getValueType() == JsonValue.ValueType.STRING ? json.getString(name) : value);
        }
    }

    private static Claims token(String json) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            return new Claims(reader.readObject());
        }
    }

    @Test
    void theCompanyIsTheOneOrganizationOfTheToken() {
        assertThat(TokenClaims.company(token("{\"organization\": [\"sakura-shoji\"]}"))).contains("sakura-shoji");
    }

    @Test
    void theOrganizationClaimMayAlsoBeAnObjectKeyedByAlias() {
        assertThat(TokenClaims.company(token("{\"organization\": {\"hanbit-enc\": {\"id\": \"42\"}}}"))).contains("hanbit-enc");
    }

    @Test
    void noOrganizationOrSeveralMeanNoCompany() {
        assertThat(TokenClaims.company(token("{}"))).isEmpty();
        assertThat(TokenClaims.company(token("{\"organization\": []}"))).isEmpty();
        assertThat(TokenClaims.company(token("{\"organization\": [\"sakura-shoji\", \"hanbit-enc\"]}"))).isEmpty();
    }

    @Test
    void onlyKakehashiRolesAreTaken() {
        Claims claims = token("{\"sub\": \"u1\", \"realm_access\": {\"roles\": [\"bid-manager\", \"offline_access\", \"viewer\"]}}");

        assertThat(TokenClaims.roles(claims)).containsExactlyInAnyOrder(Role.BID_MANAGER, Role.VIEWER);
    }

    @Test
    void aServiceAccountIsNamedByItsClient() {
        Claims claims = token("{\"sub\": \"s1\", \"preferred_username\": \"service-account-hanbit-enc-erp\", \"azp\": \"hanbit-enc-erp\","
                + " \"realm_access\": {\"roles\": [\"contributor\"]}}");

        Caller caller = TokenClaims.caller(claims, "hanbit-enc");

        assertThat(caller.serviceAccount()).isTrue();
        assertThat(caller.name()).isEqualTo("hanbit-enc-erp");
        assertThat(caller.companyAlias()).isEqualTo("hanbit-enc");
        assertThat(caller.has(Role.CONTRIBUTOR)).isTrue();
    }

    @Test
    void anEmailNobodyVerifiedNamesNobody() {
        Claims unverified = token("{\"sub\": \"u1\", \"preferred_username\": \"someone\", \"name\": \"Some One\","
                + " \"email\": \"bid-manager@sakura-shoji.example\", \"email_verified\": false, \"azp\": \"kakehashi-cli\"}");
        Claims silent = token("{\"sub\": \"u1\", \"preferred_username\": \"someone\", \"email\": \"bid-manager@sakura-shoji.example\"}");

        assertThat(TokenClaims.caller(unverified, "sakura-shoji").email()).isNull();
        assertThat(TokenClaims.caller(silent, "sakura-shoji").email()).isNull();
    }

    @Test
    void aPersonIsNamedByTheNameClaim() {
        Claims claims = token("{\"sub\": \"u1\", \"preferred_username\": \"bid-manager@sakura-shoji.example\", \"name\": \"Haruka Sato\","
                + " \"email\": \"bid-manager@sakura-shoji.example\", \"email_verified\": true, \"azp\": \"kakehashi-cli\"}");

        Caller caller = TokenClaims.caller(claims, "sakura-shoji");

        assertThat(caller.serviceAccount()).isFalse();
        assertThat(caller.name()).isEqualTo("Haruka Sato");
        assertThat(caller.email()).isEqualTo("bid-manager@sakura-shoji.example");
        assertThat(caller.roles()).isEmpty();
    }

    @Test
    void claimsAreReadFromJsonStringsToo() {
        assertThat(TokenClaims.company(new Claims(Json.createObjectBuilder(Map.of("organization", "mirae-epc")).build()))).contains("mirae-epc");
    }
}
