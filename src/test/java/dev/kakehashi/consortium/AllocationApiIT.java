package dev.kakehashi.consortium;

import static dev.kakehashi.testing.Bids.SOUND_PACKAGES_REST;
import static dev.kakehashi.testing.Bids.SOUND_PACKAGES_TURBINE;
import static dev.kakehashi.testing.Bids.allocationJson;
import static dev.kakehashi.testing.Bids.api;
import static dev.kakehashi.testing.Bids.pack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.Concurrently;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The allocation as one versioned document: every rule refused by name, every version kept, one writer wins. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AllocationApiIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String leader() {
        return Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
    }

    private static Http.Reply put(String consortium, String token, String json, String ifMatch) {
        return Http.call("PUT", api("/consortia/" + consortium + "/allocation"), token, json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static long versions(String consortium) {
        return Sql.count("select count(*) from allocation_version where consortium_id = ?", consortium);
    }

    @Test
    void aSoundAllocationIsSavedAsVersionOneAndEveryVersionIsKept() {
        String consortium = Bids.sakuraWithHanbit("Allocation " + UUID.randomUUID())[1];
        Http.Reply empty = Http.get(api("/consortia/" + consortium + "/allocation"), leader());
        assertThat(empty.header("ETag")).isEqualTo("\"0\"");
        assertThat(empty.json().getJsonArray("members")).hasSize(2);

        Http.Reply first = put(consortium, leader(), allocationJson(SOUND_PACKAGES_TURBINE, SOUND_PACKAGES_REST), "\"0\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getInt("version")).isEqualTo(1);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().getString("savedBy")).isEqualTo("Haruka Sato");

        String changed = allocationJson(pack("Gas turbine island", "hanbit-enc", "50", "{\"hanbit-enc\": \"R\", \"sakura-shoji\": \"A\"}"),
                pack("Civil and BOP", "hanbit-enc", "50", "{\"hanbit-enc\": \"A\"}"));
        assertThat(put(consortium, leader(), changed, "\"1\"").json().getInt("version")).isEqualTo(2);

        JsonObject v1 = Http.get(api("/consortia/" + consortium + "/allocation?version=1"), Tokens.user(DemoCompany.HANBIT_ENC, "viewer")).json();
        JsonObject current = Http.get(api("/consortia/" + consortium + "/allocation"), Tokens.user(DemoCompany.HANBIT_ENC, "viewer")).json();
        assertThat(v1.getJsonArray("packages").getJsonObject(0).getJsonNumber("workShare").intValue()).isEqualTo(45);
        assertThat(current.getInt("version")).isEqualTo(2);
        assertThat(current.getJsonArray("packages").getJsonObject(0).getJsonNumber("workShare").intValue()).isEqualTo(50);
        assertThat(Http.get(api("/consortia/" + consortium + "/allocation?version=9"), leader()).status()).isEqualTo(404);
        // the members' roles follow the allocation
        assertThat(Http.get(api("/consortia/" + consortium + "/members"), leader()).body()).contains("SPONSOR");
        assertThat(Sql.count("select count(*) from audit_event where consortium_id = ? and action = 'consortium.allocated'", consortium)).isEqualTo(2);
    }

    @Test
    void eachRuleIsRefusedByNameAndChangesNothing() {
        String consortium = Bids.sakuraWithHanbit("Allocation rules " + UUID.randomUUID())[1];
        String ok = allocationJson(SOUND_PACKAGES_TURBINE, SOUND_PACKAGES_REST);
        Map<String, String> broken = Map.of(
                "equity-sums-to-100", ok.replace("\"equityShare\": 40", "\"equityShare\": 30"),
                "work-share-sums-to-100", allocationJson(SOUND_PACKAGES_TURBINE),
                "responsible-is-active-member", allocationJson(pack("Turbine", "mirae-epc", "100", "{\"sakura-shoji\": \"A\"}")),
                "exactly-one-accountable", allocationJson(pack("Turbine", "hanbit-enc", "100", "{\"hanbit-enc\": \"A\", \"sakura-shoji\": \"A\"}")),
                "share-between-0-and-100", ok.replace("\"equityShare\": 60", "\"equityShare\": 160").replace("\"equityShare\": 40", "\"equityShare\": -60"),
                "leader-exists", ok.replace("[\"LEADER\", \"SPONSOR\"]", "[\"SPONSOR\"]"),
                "member-is-active", ok.replace("\"company\": \"hanbit-enc\", \"roles\"", "\"company\": \"tsubasa-trading\", \"roles\""));

        broken.forEach((rule, json) -> {
            Http.Reply refused = put(consortium, leader(), json, "\"0\"");
            assertThat(refused.status()).as(rule + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class)).as(rule)
                    .extracting(e -> e.getString("rule")).contains(rule);
        });
        assertThat(versions(consortium)).isZero();
    }

    @Test
    void ifMatchIsRequiredAndAStaleOneIs412() {
        String consortium = Bids.sakuraWithHanbit("Allocation If-Match " + UUID.randomUUID())[1];
        String json = allocationJson(SOUND_PACKAGES_TURBINE, SOUND_PACKAGES_REST);

        assertThat(put(consortium, leader(), json, null).status()).isEqualTo(428);
        assertThat(put(consortium, leader(), json, "\"0\"").status()).isEqualTo(200);
        assertThat(put(consortium, leader(), json, "\"0\"").status()).isEqualTo(412);
        assertThat(versions(consortium)).isEqualTo(1);
    }

    @RepeatedTest(5)
    void ofTwoConcurrentUpdatesWithTheSameETagExactlyOneWins() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Allocation race " + UUID.randomUUID())[1];
        String json = allocationJson(SOUND_PACKAGES_TURBINE, SOUND_PACKAGES_REST);
        String token = leader();
        List<Integer> statuses = Concurrently.statuses(() -> put(consortium, token, json, "\"0\""), () -> put(consortium, token, json, "\"0\""));

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(versions(consortium)).isEqualTo(1);
    }

    @Test
    void onlyTheLeadersBidManagersChangeIt() {
        String consortium = Bids.sakuraWithHanbit("Allocation who " + UUID.randomUUID())[1];
        String json = allocationJson(SOUND_PACKAGES_TURBINE, SOUND_PACKAGES_REST);

        assertThat(put(consortium, Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager"), json, "\"0\"").status()).isEqualTo(403);
        assertThat(put(consortium, Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer"), json, "\"0\"").status()).isEqualTo(403);
        assertThat(put(consortium, Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor"), json, "\"0\"").status()).isEqualTo(403);
        assertThat(put(consortium, Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager"), json, "\"0\"").status()).isEqualTo(404);
        assertThat(versions(consortium)).isZero();
    }
}
