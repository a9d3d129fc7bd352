package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/v1/me tells each caller who it is and for which company, as its token says. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeApiIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static JsonObject me(String token) {
        Http.Reply reply = Http.get(TestStack.apiUrl() + "/me", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    @Test
    void bidManagerOfSakuraShojiIsInSakuraShoji() {
        JsonObject me = me(Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager"));

        assertThat(me.getString("email")).isEqualTo("bid-manager@sakura-shoji.example");
        assertThat(me.getString("name")).isEqualTo("Haruka Sato");
        assertThat(me.getString("id")).isNotBlank();
        assertThat(me.getBoolean("serviceAccount")).isFalse();
        JsonObject company = me.getJsonObject("company");
        assertThat(company.getString("alias")).isEqualTo("sakura-shoji");
        assertThat(company.getString("kind")).isEqualTo("TRADING_HOUSE");
        assertThat(company.getString("country")).isEqualTo("JP");
        assertThat(company.getJsonObject("name").getString("en")).isEqualTo("Sakura Shoji Corporation");
        assertThat(company.getJsonObject("name").getString("ja")).isEqualTo("サクラ商事株式会社");
        assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("bid-manager");
    }

    @Test
    void bidManagerOfHanbitIsInHanbitWithItsKoreanName() {
        JsonObject company = me(Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager")).getJsonObject("company");

        assertThat(company.getString("alias")).isEqualTo("hanbit-enc");
        assertThat(company.getString("kind")).isEqualTo("EPC_CONTRACTOR");
        assertThat(company.getJsonObject("name").getString("ko")).isEqualTo("한빛엔지니어링건설");
    }

    @Test
    void erpServiceAccountActsForItsOwnCompany() {
        JsonObject me = me(Tokens.erp(DemoCompany.HANBIT_ENC));

        assertThat(me.getBoolean("serviceAccount")).isTrue();
        assertThat(me.getString("name")).isEqualTo("hanbit-enc-erp");
        assertThat(me.getJsonObject("company").getString("alias")).isEqualTo("hanbit-enc");
        assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("bid-manager", "contributor");
    }

    @Test
    void everyDemoUserHasTheRoleItsNameSaysInItsOwnCompany() {
        for (DemoCompany company : DemoCompany.values()) {
            for (String role : new String[] {"company-admin", "bid-manager", "contributor", "viewer"}) {
                JsonObject me = me(Tokens.user(company, role));
                assertThat(me.getJsonObject("company").getString("alias")).as(company.user(role)).isEqualTo(company.alias());
                assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString)).as(company.user(role)).containsExactly(role);
            }
        }
    }
}
