package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
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

/**
 * The platform operator onboards a company through the API: Keycloak Organization, first admin and
 * the company in Kakehashi, all or nothing; and sees companies, never their data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OnboardingApiIT {

    private static final String COMPANIES = TestStack.apiUrl() + "/admin/companies";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String operator() {
        return Tokens.user("operator@kakehashi.example");
    }

    static String application(String alias, String domain, String adminEmail) {
        return """
                {"alias": "%s", "name": {"en": "%s JSC", "vi": "Công ty Cổ phần Điện Hoàng Long"},
                 "kind": "LOCAL_PARTNER", "country": "VN", "domains": ["%s"], "adminEmail": "%s"}
                """.formatted(alias, alias, domain, adminEmail);
    }

    @Test
    void operatorOnboardsACompanyWithItsOrganizationAndFirstAdmin() {
        Http.Reply reply = Http.postJson(COMPANIES, operator(), application("hoang-long-power", "hoanglong.example", "admin@hoanglong.example"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).endsWith("/api/v1/admin/companies/hoang-long-power");
        JsonObject company = reply.json();
        assertThat(company.getString("alias")).isEqualTo("hoang-long-power");
        assertThat(company.getJsonObject("name").getString("vi")).isEqualTo("Công ty Cổ phần Điện Hoàng Long");
        assertThat(company.getString("status")).isEqualTo("ONBOARDING");
        assertThat(company.getBoolean("invitationSent")).isTrue();

        // Keycloak: the organization with its verified domain, the admin as its member with role and required action
        JsonObject organization = KeycloakAdmin.organizationByAlias("hoang-long-power").orElseThrow();
        assertThat(organization.getJsonArray("domains").getJsonObject(0).getString("name")).isEqualTo("hoanglong.example");
        JsonObject admin = KeycloakAdmin.userByEmail("admin@hoanglong.example").orElseThrow();
        assertThat(admin.getJsonArray("requiredActions").getValuesAs(JsonString::getString)).containsExactly("UPDATE_PASSWORD");
        assertThat(KeycloakAdmin.get("/organizations/" + organization.getString("id") + "/members").jsonArray()
                .getValuesAs(JsonObject.class)).extracting(m -> m.getString("email")).containsExactly("admin@hoanglong.example");
        assertThat(KeycloakAdmin.get("/users/" + admin.getString("id") + "/role-mappings/realm").jsonArray()
                .getValuesAs(JsonObject.class)).extracting(r -> r.getString("name")).contains("company-admin");
        // Keycloak's e-mail with the link to set a password (Kakehashi never sees it)
        Mailbox.Mail mail = Mailbox.awaitMessage("admin@hoanglong.example", "");
        assertThat(mail.body()).contains("/realms/kakehashi/login-actions/action-token");
        // Kakehashi: the company, its domain, the audit event
        assertThat(Sql.count("select count(*) from company c join company_domain d on d.company_id = c.id "
                + "where c.alias = 'hoang-long-power' and d.domain = 'hoanglong.example' and c.organization_id = ?",
                organization.getString("id"))).isEqualTo(1);
        assertThat(Sql.count("select count(*) from audit_event where action = 'company.onboarded' and subject_id = 'hoang-long-power' "
                + "and actor_name = 'Platform Operator'")).isEqualTo(1);

        // The same request again is answered with the same company, and makes nothing twice
        Http.Reply again = Http.postJson(COMPANIES, operator(), application("hoang-long-power", "hoanglong.example", "admin@hoanglong.example"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getString("id")).isEqualTo(company.getString("id"));
        assertThat(Sql.count("select count(*) from company where alias = 'hoang-long-power'")).isEqualTo(1);
        assertThat(KeycloakAdmin.get("/users?exact=true&email=admin@hoanglong.example").jsonArray()).hasSize(1);

        // The first admin signs in (password set as the e-mail's page would) and is a company admin of it
        KeycloakAdmin.setPassword(admin.getString("id"), "first-admin-password");
        KeycloakAdmin.completeProfile(admin.getString("id"), "Minh", "Nguyen");
        JsonObject me = Http.get(TestStack.apiUrl() + "/me",
                Tokens.passwordGrant(TestStack.realmUrl(), "kakehashi-cli", "admin@hoanglong.example", "first-admin-password")).json();
        assertThat(me.getJsonObject("company").getString("alias")).isEqualTo("hoang-long-power");
        assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("company-admin");
        assertThat(Http.get(COMPANIES + "/hoang-long-power", operator()).json().getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aFailureHalfWayLeavesNeitherSideWithHalfACompany() {
        // Keycloak already has an account with the admin's e-mail: the organization is made, then the user fails
        String squatter = KeycloakAdmin.createUser("admin@ghost-trading.example", "whatever");

        Http.Reply reply = Http.postJson(COMPANIES, operator(), application("ghost-trading", "ghost-trading.example", "admin@ghost-trading.example"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.body()).contains("adminEmail", "account-exists");
        assertThat(KeycloakAdmin.organizationByAlias("ghost-trading")).isEmpty();
        assertThat(Sql.count("select count(*) from company where alias = 'ghost-trading'")).isZero();
        assertThat(Sql.count("select count(*) from company_domain where domain = 'ghost-trading.example'")).isZero();
        assertThat(Sql.count("select count(*) from audit_event where subject_id = 'ghost-trading'")).isZero();
        assertThat(KeycloakAdmin.get("/users?exact=true&email=admin@ghost-trading.example").jsonArray()).hasSize(1);

        // Nothing was left that blocks the alias or the domain: with the account gone, the same request succeeds
        KeycloakAdmin.deleteUser(squatter);
        Http.Reply retry = Http.postJson(COMPANIES, operator(), application("ghost-trading", "ghost-trading.example", "admin@ghost-trading.example"));
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(KeycloakAdmin.organizationByAlias("ghost-trading")).isPresent();
    }

    @Test
    void aDomainOfAnotherCompanyIsRefused() {
        Http.Reply reply = Http.postJson(COMPANIES, operator(), application("sakura-imposter", "sakura-shoji.example", "it@sakura-shoji.example"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.body()).contains("domain-taken", "sakura-shoji.example");
        assertThat(KeycloakAdmin.organizationByAlias("sakura-imposter")).isEmpty();
        assertThat(Sql.count("select count(*) from company where alias = 'sakura-imposter'")).isZero();
    }

    @Test
    void badApplicationsAreRefusedFieldByFieldAndCreateNothing() {
        Http.Reply reply = Http.postJson(COMPANIES, operator(), """
                {"alias": "Bad Alias", "name": {"ja": "名前だけ"}, "kind": "BANK", "country": "XX",
                 "domains": ["not a domain"], "adminEmail": "nobody"}
                """);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .contains("alias", "name", "kind", "country", "domains[0]", "adminEmail");
        Http.Reply foreignAdmin = Http.postJson(COMPANIES, operator(), application("elsewhere-co", "elsewhere.example", "boss@gmail.example"));
        assertThat(foreignAdmin.status()).isEqualTo(400);
        assertThat(foreignAdmin.body()).contains("adminEmail");
        assertThat(Sql.count("select count(*) from company where alias in ('bad-alias', 'elsewhere-co')")).isZero();
        assertThat(KeycloakAdmin.organizationByAlias("elsewhere-co")).isEmpty();
    }

    @Test
    void onlyThePlatformOperatorOnboards() {
        String companyAdmin = Tokens.user(DemoCompany.SAKURA_SHOJI, "company-admin");

        assertThat(Http.get(COMPANIES, companyAdmin).status()).isEqualTo(403);
        assertThat(Http.postJson(COMPANIES, companyAdmin, application("rogue-co", "rogue.example", "a@rogue.example")).status()).isEqualTo(403);
        assertThat(Http.postJson(COMPANIES, Tokens.erp(DemoCompany.HANBIT_ENC), application("rogue-co", "rogue.example", "a@rogue.example"))
                .status()).isEqualTo(403);
        assertThat(KeycloakAdmin.organizationByAlias("rogue-co")).isEmpty();
    }

    @Test
    void theOperatorSeesCompaniesAndTheirStatusButNoneOfTheirData() {
        String[] bid = Bids.sakuraWithHanbit("Operator cannot see this tender");
        String opportunity = bid[0];
        String consortium = bid[1];

        JsonObject sakura = Http.get(COMPANIES, operator()).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("alias").equals("sakura-shoji")).findFirst().orElseThrow();
        assertThat(sakura.getString("status")).isEqualTo("ACTIVE");
        assertThat(sakura.getJsonArray("domains").getValuesAs(JsonString::getString)).containsExactly("sakura-shoji.example");
        assertThat(Http.get(TestStack.apiUrl() + "/me", operator()).json().containsKey("company")).isFalse();

        for (String path : new String[] {"/opportunities/" + opportunity, "/consortia/" + consortium, "/consortia/" + consortium + "/members",
                "/consortia/" + consortium + "/documents", "/consortia/" + consortium + "/audit", "/opportunities", "/consortia",
                "/me/tasks", "/me/preferences", "/company/users", "/company/clients", "/company/sso"}) {
            Http.Reply reply = Http.get(TestStack.apiUrl() + path, operator());
            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(404);
            assertThat(reply.body()).doesNotContain("Operator cannot see this tender");
        }
        assertThat(Http.call("PATCH", TestStack.apiUrl() + "/opportunities/" + opportunity, operator(), "{\"title\": \"x\"}",
                Map.of("If-Match", "\"0\"")).status()).isEqualTo(404);
    }
}
