package dev.kakehashi.platform.security;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.KeycloakAdmin;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * People are known by the e-mail their identity provider vouches for, and only at their company's
 * domains: an unverified address names nobody, and a verified one of another company's domain is refused
 * (and written down in the company's audit trail), so that no identity provider can pass someone off as
 * a person of another company.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String token(String username) {
        return Tokens.passwordGrant(TestStack.realmUrl(), "kakehashi-cli", username, Tokens.DEMO_PASSWORD);
    }

    @Test
    void aVerifiedEmailAtAnotherCompanysDomainIsRefusedAndAudited() {
        String username = "intruder-" + UUID.randomUUID() + "@hanbit-enc.example";
        String userId = KeycloakAdmin.createMember("sakura-shoji", username, username, true, "bid-manager");
        try {
            Http.Reply refused = Http.get(api("/me"), token(username));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().getString("type")).endsWith("/email-domain-not-company");
            assertThat(Http.get(api("/opportunities"), token(username)).status()).isEqualTo(403);
            assertThat(Sql.count("select count(*) from person where email = ?", username)).as("not recorded as a person").isZero();
            assertThat(Sql.count("select count(*) from audit_event e join company c on c.id = e.company_id "
                    + "where c.alias = 'sakura-shoji' and e.action = 'sign-in.refused' and e.actor_id = ?", userId))
                    .as("written down once, not per request").isEqualTo(1);
        } finally {
            KeycloakAdmin.deleteUser(userId);
        }
    }

    @Test
    void anUnverifiedEmailNamesNobody() {
        String username = "unverified-" + UUID.randomUUID() + "@sakura-shoji.example";
        String userId = KeycloakAdmin.createMember("sakura-shoji", username, username, false, "contributor");
        try {
            Http.Reply me = Http.get(api("/me"), token(username));

            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(Sql.count("select count(*) from person where user_id = ?", userId)).as("nobody to name as reviewer or to e-mail").isZero();
        } finally {
            KeycloakAdmin.deleteUser(userId);
        }
    }
}
