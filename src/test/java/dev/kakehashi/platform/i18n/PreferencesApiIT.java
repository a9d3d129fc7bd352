package dev.kakehashi.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Concurrently;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Jwt;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person's language and time zone: the first company-owned data, so it also proves the tenant
 * stamping of {@code @TenantId}, ETag/If-Match with 412, and validation that changes nothing.
 * Each test uses its own demo user, so the tests do not depend on one another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PreferencesApiIT {

    private static final String PREFERENCES = TestStack.apiUrl() + "/me/preferences";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static Http.Reply put(String token, String json, String ifMatch) {
        return Http.putJson(PREFERENCES, token, json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static List<Map<String, Object>> storedRowOf(String token) {
        return Sql.rows("select p.language, p.time_zone, p.version, c.alias from user_preferences p join company c on c.id = p.company_id where p.user_id = ?",
                Jwt.claims(token).getString("sub"));
    }

    @Test
    void preferencesStartInEnglishAndUtcAtVersionZero() {
        Http.Reply reply = Http.get(PREFERENCES, Tokens.user(DemoCompany.TSUBASA_TRADING, "viewer"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("language")).isEqualTo("en");
        assertThat(reply.json().getString("timeZone")).isEqualTo("UTC");
        assertThat(reply.header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void aChangeWithTheCurrentETagIsSavedAndStampedWithTheCallersCompany() {
        String token = Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");

        // Other tests may have changed this user's preferences already: the ETag says which version they are at
        String current = Http.get(PREFERENCES, token).header("ETag");
        long version = Long.parseLong(current.replace("\"", ""));

        Http.Reply changed = put(token, "{\"language\":\"ja\",\"timeZone\":\"Asia/Tokyo\"}", current);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        JsonObject read = Http.get(PREFERENCES, token).json();
        assertThat(read.getString("language")).isEqualTo("ja");
        assertThat(read.getString("timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(storedRowOf(token)).singleElement().satisfies(row -> assertThat(row.get("alias")).isEqualTo("sakura-shoji"));
    }

    @Test
    void aStaleETagIsRefusedWith412AndChangesNothing() {
        String token = Tokens.user(DemoCompany.HANBIT_ENC, "contributor");
        String read = Http.get(PREFERENCES, token).header("ETag");
        Http.Reply saved = put(token, "{\"language\":\"ko\",\"timeZone\":\"Asia/Seoul\"}", read);
        assertThat(saved.status()).isEqualTo(200);

        Http.Reply stale = put(token, "{\"language\":\"en\",\"timeZone\":\"UTC\"}", read);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().getString("type")).isEqualTo("https://kakehashi.dev/problems/stale-etag");
        assertThat(storedRowOf(token)).singleElement().satisfies(row -> {
            assertThat(row.get("language")).isEqualTo("ko");
            assertThat(row.get("time_zone")).isEqualTo("Asia/Seoul");
        });
        assertThat(Http.get(PREFERENCES, token).header("ETag")).isEqualTo(saved.header("ETag"));
    }

    @Test
    void anUnknownLanguageAndTimeZoneAreRefusedNamingBothFieldsAndChangeNothing() {
        String token = Tokens.user(DemoCompany.HANBIT_ENC, "viewer");

        Http.Reply refused = put(token, "{\"language\":\"fr\",\"timeZone\":\"Mars/Olympus_Mons\"}", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("type")).isEqualTo("https://kakehashi.dev/problems/invalid-request");
        assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .containsExactlyInAnyOrder("language", "timeZone");
        assertThat(storedRowOf(token)).isEmpty();
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428AndChangesNothing() {
        String token = Tokens.user(DemoCompany.TSUBASA_TRADING, "viewer");
        String before = storedRowOf(token).toString();

        Http.Reply blind = put(token, "{\"language\":\"ja\",\"timeZone\":\"Asia/Tokyo\"}", null);

        assertThat(blind.status()).isEqualTo(428);
        assertThat(storedRowOf(token).toString()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithAProblem() {
        Http.Reply refused = put(Tokens.user(DemoCompany.HANBIT_ENC, "viewer"), "{language: ja", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void ofTwoConcurrentChangesWithTheSameETagExactlyOneWins() throws Exception {
        String token = Tokens.user(DemoCompany.MIRAE_EPC, "contributor");
        assertThat(put(token, "{\"language\":\"ko\",\"timeZone\":\"Asia/Seoul\"}", Http.get(PREFERENCES, token).header("ETag")).status()).isEqualTo(200);
        String etag = Http.get(PREFERENCES, token).header("ETag");

        List<Integer> statuses = Concurrently.statuses(
                () -> put(token, "{\"language\":\"ko\",\"timeZone\":\"Asia/Jakarta\"}", etag),
                () -> put(token, "{\"language\":\"ko\",\"timeZone\":\"Asia/Kolkata\"}", etag));

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(storedRowOf(token)).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("version")).longValue()).isEqualTo(1));
    }

    @Test
    void aRowOwnedByAnotherCompanyIsInvisibleEvenUnderTheCallersOwnKey() {
        // Planted directly in the database: the caller's user id, but Hanbit's company id.
        String token = Tokens.user(DemoCompany.TSUBASA_TRADING, "contributor");
        String userId = Jwt.claims(token).getString("sub");
        Sql.update("insert into user_preferences (user_id, company_id, language, time_zone, updated_at, version) "
                + "select ?, id, 'ko', 'Asia/Seoul', utc_timestamp(6), 0 from company where alias = 'hanbit-enc'", userId);

        JsonObject seen = Http.get(PREFERENCES, token).json();

        assertThat(seen.getString("language")).isEqualTo("en");
        assertThat(seen.getString("timeZone")).isEqualTo("UTC");
    }

    @Test
    void preferencesOfOneCompanysUserAreInvisibleToAnotherCompany() {
        String sakura = Tokens.user(DemoCompany.SAKURA_SHOJI, "company-admin");
        String hanbit = Tokens.user(DemoCompany.HANBIT_ENC, "company-admin");
        assertThat(put(sakura, "{\"language\":\"ja\",\"timeZone\":\"Asia/Tokyo\"}", Http.get(PREFERENCES, sakura).header("ETag")).status()).isEqualTo(200);

        JsonObject hanbitView = Http.get(PREFERENCES, hanbit).json();

        assertThat(hanbitView.getString("language")).isEqualTo("en");
        assertThat(hanbitView.getString("timeZone")).isEqualTo("UTC");
        assertThat(storedRowOf(hanbit)).isEmpty();
        assertThat(storedRowOf(sakura)).singleElement().satisfies(row -> assertThat(row.get("alias")).isEqualTo("sakura-shoji"));
    }
}
