package dev.kakehashi.consortium;

import static dev.kakehashi.testing.Bids.SOUND_PACKAGES_REST;
import static dev.kakehashi.testing.Bids.SOUND_PACKAGES_TURBINE;
import static dev.kakehashi.testing.Bids.allocationJson;
import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cross-tenant matrix of the opportunity and consortium endpoints. Sakura Shoji leads a consortium
 * with Hanbit active and Mirae only invited; Tsubasa has nothing to do with it. Each outsider, the
 * invited-only company, a member's viewer and the non-leading member's bid manager try to read and
 * change what is not theirs: each gets 404 where it may not see, 403 where it sees but may not change,
 * and the database is the same after every attempt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsortiumIsolationIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private record Attempt(String actor, String token, String method, String path, String body, int expected) {
    }

    private static final String OUTSIDER = "outsider tsubasa-trading bid manager";
    private static final String INVITED = "invited-only mirae-epc bid manager";
    private static final String VIEWER = "member hanbit-enc viewer";
    private static final String MEMBER = "non-leading member hanbit-enc bid manager";

    private static String fingerprint(String opportunity, String consortium) {
        return Sql.rows("select concat_ws('|', (select version from opportunity where id = ?), (select stage from opportunity where id = ?), "
                        + "(select decision from opportunity where id = ?), (select version from consortium where id = ?), "
                        + "(select group_concat(concat(company_alias, ':', status, ':', version) order by company_alias) from membership where consortium_id = ?), "
                        + "(select count(*) from allocation_version where consortium_id = ?), (select count(*) from audit_event where consortium_id = ?), "
                        + "(select count(*) from consortium where opportunity_id = ?)) as f",
                opportunity, opportunity, opportunity, consortium, consortium, consortium, consortium, opportunity).get(0).get("f").toString();
    }

    @Test
    void noCompanyReadsOrChangesWhatItMayNotAndNothingChanges() {
        String leader = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        String[] ids = Bids.sakuraWithHanbit("Isolation " + UUID.randomUUID());
        String o = ids[0];
        String k = ids[1];
        assertThat(Http.call("PUT", api("/consortia/" + k + "/allocation"), leader, allocationJson(SOUND_PACKAGES_TURBINE, SOUND_PACKAGES_REST),
                Map.of("If-Match", "\"0\"")).status()).isEqualTo(200);
        String invitation = Bids.invited(leader, k, DemoCompany.MIRAE_EPC, "EQUIPMENT_SUPPLIER");

        String outsider = Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager");
        String invited = Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager");
        String viewer = Tokens.user(DemoCompany.HANBIT_ENC, "viewer");
        String member = Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager");
        String patch = "{\"employer\": \"Changed\", \"stage\": \"WITHDRAWN\"}";
        String decision = "{\"decision\": \"NO_GO\", \"reasons\": \"not ours\"}";
        String inviteBody = "{\"company\": \"tsubasa-trading\", \"roles\": [\"SPONSOR\"]}";
        String agreement = "{\"agreementStatus\": \"CONSORTIUM_AGREEMENT_SIGNED\"}";
        String allocation = allocationJson(SOUND_PACKAGES_TURBINE, SOUND_PACKAGES_REST);
        String form = "{\"opportunityId\": \"" + o + "\", \"name\": \"Hijack\", \"code\": \"" + Bids.uniqueCode() + "\"}";

        List<Attempt> attempts = new ArrayList<>();
        for (String[] actor : new String[][] {{OUTSIDER, outsider}, {INVITED, invited}}) {
            String who = actor[0];
            String token = actor[1];
            attempts.add(new Attempt(who, token, "GET", "/opportunities/" + o, null, 404));
            attempts.add(new Attempt(who, token, "PATCH", "/opportunities/" + o, patch, 404));
            attempts.add(new Attempt(who, token, "POST", "/opportunities/" + o + "/decision", decision, 404));
            attempts.add(new Attempt(who, token, "POST", "/consortia", form, 404));
            attempts.add(new Attempt(who, token, "GET", "/consortia/" + k, null, 404));
            attempts.add(new Attempt(who, token, "GET", "/consortia/" + k + "/members", null, 404));
            attempts.add(new Attempt(who, token, "POST", "/consortia/" + k + "/invitations", inviteBody, 404));
            attempts.add(new Attempt(who, token, "POST", "/consortia/" + k + "/agreement", agreement, 404));
            attempts.add(new Attempt(who, token, "POST", "/consortia/" + k + "/withdraw", null, 404));
            attempts.add(new Attempt(who, token, "GET", "/consortia/" + k + "/allocation", null, 404));
            attempts.add(new Attempt(who, token, "GET", "/consortia/" + k + "/allocation?version=1", null, 404));
            attempts.add(new Attempt(who, token, "PUT", "/consortia/" + k + "/allocation", allocation, 404));
            attempts.add(new Attempt(who, token, "GET", "/consortia/" + k + "/audit", null, 404));
        }
        attempts.add(new Attempt(OUTSIDER, outsider, "POST", "/invitations/" + invitation + "/accept", null, 404));
        attempts.add(new Attempt(OUTSIDER, outsider, "POST", "/invitations/" + invitation + "/decline", null, 404));
        attempts.add(new Attempt(OUTSIDER, outsider, "POST", "/invitations/" + invitation + "/withdraw", null, 404));
        attempts.add(new Attempt(INVITED, invited, "POST", "/invitations/" + invitation + "/withdraw", null, 403));
        for (String[] actor : new String[][] {{VIEWER, viewer}, {MEMBER, member}}) {
            String who = actor[0];
            String token = actor[1];
            attempts.add(new Attempt(who, token, "PATCH", "/opportunities/" + o, patch, 403));
            attempts.add(new Attempt(who, token, "POST", "/opportunities/" + o + "/decision", decision, 403));
            attempts.add(new Attempt(who, token, "POST", "/consortia", form, 403));
            attempts.add(new Attempt(who, token, "POST", "/consortia/" + k + "/invitations", inviteBody, 403));
            attempts.add(new Attempt(who, token, "POST", "/consortia/" + k + "/agreement", agreement, 403));
            attempts.add(new Attempt(who, token, "PUT", "/consortia/" + k + "/allocation", allocation, 403));
            attempts.add(new Attempt(who, token, "POST", "/invitations/" + invitation + "/accept", null, 404));
            attempts.add(new Attempt(who, token, "POST", "/invitations/" + invitation + "/withdraw", null, 404));
        }
        attempts.add(new Attempt(VIEWER, viewer, "POST", "/consortia/" + k + "/withdraw", null, 403));

        SoftAssertions softly = new SoftAssertions();
        String before = fingerprint(o, k);
        for (Attempt a : attempts) {
            Http.Reply reply = Http.call(a.method(), api(a.path()), a.token(), a.body(), a.expected() == 404 || a.body() == null ? Map.of() : Map.of("If-Match", "\"1\""));
            String label = a.actor() + ": " + a.method() + " " + a.path();
            softly.assertThat(reply.status()).as(label + " → " + reply.body()).isEqualTo(a.expected());
            softly.assertThat(reply.contentType()).as(label).startsWith("application/problem+json");
            softly.assertThat(fingerprint(o, k)).as("database after " + label).isEqualTo(before);
        }
        // Lists never show what the company may not see
        for (String token : new String[] {outsider, invited}) {
            softly.assertThat(Http.get(api("/opportunities?size=200"), token).body()).doesNotContain(o);
            softly.assertThat(Http.get(api("/consortia?size=200"), token).body()).doesNotContain(k);
        }
        softly.assertThat(Http.get(api("/invitations?size=200"), outsider).body()).doesNotContain(invitation);
        softly.assertThat(Http.get(api("/invitations?size=200"), member).body()).doesNotContain(invitation);
        softly.assertThat(Http.get(api("/invitations?size=200"), invited).body()).contains(invitation);
        // and the members read what they may
        softly.assertThat(Http.get(api("/opportunities/" + o), viewer).status()).isEqualTo(200);
        softly.assertThat(Http.get(api("/consortia/" + k + "/allocation"), viewer).status()).isEqualTo(200);
        softly.assertThat(Http.get(api("/consortia/" + k + "/audit"), viewer).status()).isEqualTo(200);
        softly.assertAll();
    }
}
