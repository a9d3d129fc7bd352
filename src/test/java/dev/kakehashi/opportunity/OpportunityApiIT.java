package dev.kakehashi.opportunity;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Recording tenders, their stages and the Go/No-Go decision, through the API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpportunityApiIT {


    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String bidManager() {
        return Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
    }

    private static Http.Reply patch(String id, String json, String ifMatch) {
        return Http.call("PATCH", api("/opportunities/" + id), bidManager(), json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    /** A change as a careful client makes it: with the ETag of the tender as it reads it now. */
    private static Http.Reply patch(String id, String json) {
        return patch(id, json, Bids.etag("/opportunities/" + id, bidManager()));
    }

    private static Http.Reply decide(String id, String decision) {
        return Http.call("POST", api("/opportunities/" + id + "/decision"), bidManager(),
                "{\"decision\": \"" + decision + "\", \"reasons\": \"JBIC appetite confirmed\"}",
                Map.of("If-Match", Bids.etag("/opportunities/" + id, bidManager())));
    }

    @Test
    void aBidManagerRecordsATenderOwnedByItsCompanyWithTheDeadlineInTheEmployersZone() {
        Http.Reply created = Http.postJson(api("/opportunities"), bidManager(), Bids.tenderJson("Quang Trach LNG-to-Power 1,500 MW"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject body = created.json();
        assertThat(created.header("Location")).endsWith("/api/v1/opportunities/" + body.getString("id"));
        assertThat(body.getString("stage")).isEqualTo("IDENTIFIED");
        assertThat(body.getString("ownerCompany")).isEqualTo("sakura-shoji");
        assertThat(body.getString("bidDueAt")).isEqualTo("2027-03-31T17:00:00+07:00");
        assertThat(body.getString("timeZone")).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(body.getJsonObject("estimatedValue").getString("amount")).isEqualTo("1800000000");
        assertThat(body.getJsonArray("funding").toString()).isEqualTo("[\"JBIC\",\"KEXIM\"]");
        Http.Reply read = Http.get(api("/opportunities/" + body.getString("id")), bidManager());
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(Sql.count("select count(*) from opportunity o join company c on c.id = o.owner_company_id where o.id = ? and c.alias = 'sakura-shoji'",
                body.getString("id"))).isEqualTo(1);
    }

    @Test
    void invalidFieldsAreAllNamedAndNothingIsRecorded() {
        String title = "Invalid " + UUID.randomUUID();
        Http.Reply refused = Http.postJson(api("/opportunities"), bidManager(), """
                {"title": "%s", "country": "JP", "sector": "POWER", "employer": "EVN",
                 "estimatedValue": {"amount": "lots", "currency": "GBP"}, "procurementMethod": "SINGLE_STAGE_TWO_ENVELOPE",
                 "bidDueAt": "next spring", "timeZone": "Asia/Ho_Chi_Minh"}
                """.formatted(title));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .containsExactlyInAnyOrder("country", "estimatedValue.amount", "estimatedValue.currency", "bidDueAt");
        assertThat(Sql.count("select count(*) from opportunity where title = ?", title)).isZero();
    }

    @Test
    void theDeadlineMustBeInATimeZoneOfTheTendersCountry() {
        Http.Reply refused = Http.postJson(api("/opportunities"), bidManager(),
                Bids.tenderJson("Wrong zone").replace("Asia/Ho_Chi_Minh", "Asia/Tokyo"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("time-zone-of-country");
    }

    @Test
    void onlyBidManagersRecordTenders() {
        for (String role : new String[] {"viewer", "contributor", "company-admin"}) {
            Http.Reply refused = Http.postJson(api("/opportunities"), Tokens.user(DemoCompany.SAKURA_SHOJI, role), Bids.tenderJson("By " + role));
            assertThat(refused.status()).as(role).isEqualTo(403);
        }
        assertThat(Sql.count("select count(*) from opportunity where title like 'By %'")).isZero();
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheFirstResultAndAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        String title = "Idempotent " + key;
        Map<String, String> header = Map.of("Idempotency-Key", key);

        Http.Reply first = Http.call("POST", api("/opportunities"), bidManager(), Bids.tenderJson(title), header);
        Http.Reply again = Http.call("POST", api("/opportunities"), bidManager(), Bids.tenderJson(title), header);
        Http.Reply other = Http.call("POST", api("/opportunities"), bidManager(), Bids.tenderJson(title + " changed"), header);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().getString("type")).endsWith("/idempotency-key-reused");
        assertThat(Sql.count("select count(*) from opportunity where title like ?", "Idempotent " + key + "%")).isEqualTo(1);
    }

    @Test
    void biddingNeedsAGoDecisionAndStagesOnlyMoveForward() {
        String id = Bids.recordTender(bidManager(), "Stages " + UUID.randomUUID());

        Http.Reply early = patch(id, "{\"stage\": \"BIDDING\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("go-decision-required");

        Http.Reply go = decide(id, "GO");
        assertThat(go.status()).as(go.body()).isEqualTo(200);
        JsonObject decision = go.json().getJsonObject("decision");
        assertThat(decision.getString("decision")).isEqualTo("GO");
        assertThat(decision.getString("decidedBy")).isEqualTo("Haruka Sato");
        assertThat(decision.getString("reasons")).isEqualTo("JBIC appetite confirmed");
        assertThat(decision.getString("decidedAt")).isNotBlank();

        assertThat(patch(id, "{\"stage\": \"BIDDING\"}").status()).isEqualTo(200);
        Http.Reply back = patch(id, "{\"stage\": \"IDENTIFIED\"}");
        assertThat(back.status()).isEqualTo(422);
        assertThat(back.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("stage-transition");
        assertThat(patch(id, "{\"stage\": \"SUBMITTED\"}").status()).isEqualTo(200);
        assertThat(decide(id, "NO_GO").status()).isEqualTo(422);
        assertThat(patch(id, "{\"stage\": \"AWARDED\"}").status()).isEqualTo(200);
        assertThat(patch(id, "{\"stage\": \"LOST\"}").status()).isEqualTo(422);
        assertThat(Http.get(api("/opportunities/" + id), bidManager()).json().getString("stage")).isEqualTo("AWARDED");
        assertThat(Sql.count("select count(*) from audit_event where subject_id = ? and action = 'opportunity.decided'", id)).isEqualTo(1);
    }

    @Test
    void aMergePatchAsTheDocumentAdvertisesChangesOnlyTheMembersItNames() {
        String title = "Merge " + UUID.randomUUID();
        String id = Bids.recordTender(bidManager(), title);

        Http.Reply changed = Http.call("PATCH", api("/opportunities/" + id), bidManager(), "{\"employer\": \"EVN Genco 2\"}",
                Map.of("If-Match", Bids.etag("/opportunities/" + id, bidManager()), "Content-Type", "application/merge-patch+json"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        jakarta.json.JsonObject read = Http.get(api("/opportunities/" + id), bidManager()).json();
        assertThat(read.getString("employer")).isEqualTo("EVN Genco 2");
        assertThat(read.getString("title")).isEqualTo(title);
    }

    @Test
    void aMergePatchRemovesWhatItSetsToNullAndRefusesToRemoveWhatATenderAlwaysHas() {
        String id = Bids.recordTender(bidManager(), "Merge null " + UUID.randomUUID());
        Http.Reply estimated = Http.call("PATCH", api("/opportunities/" + id), bidManager(),
                "{\"estimatedValue\": {\"amount\": \"1800000000.00\", \"currency\": \"USD\"}, \"funding\": [\"JBIC\"]}",
                Map.of("If-Match", Bids.etag("/opportunities/" + id, bidManager()), "Content-Type", "application/merge-patch+json"));
        assertThat(estimated.status()).as(estimated.body()).isEqualTo(200);

        Http.Reply removed = Http.call("PATCH", api("/opportunities/" + id), bidManager(), "{\"estimatedValue\": null, \"funding\": null}",
                Map.of("If-Match", estimated.header("ETag"), "Content-Type", "application/merge-patch+json"));
        Http.Reply refused = Http.call("PATCH", api("/opportunities/" + id), bidManager(), "{\"title\": null, \"employer\": \"PVN\"}",
                Map.of("If-Match", removed.header("ETag"), "Content-Type", "application/merge-patch+json"));

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().containsKey("estimatedValue")).isFalse();
        assertThat(removed.json().getJsonArray("funding")).isEmpty();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("title");
        assertThat(Http.get(api("/opportunities/" + id), bidManager()).json().getString("employer")).isNotEqualTo("PVN");
    }

    @Test
    void aConditionalGetIs304WhileNothingChangedAndListsAreGzippedForClientsThatAskForIt() {
        String id = Bids.recordTender(bidManager(), "Conditional " + UUID.randomUUID());
        Http.Reply read = Http.get(api("/opportunities/" + id), bidManager());
        Http.Reply same = Http.call("GET", api("/opportunities/" + id), bidManager(), null, Map.of("If-None-Match", read.header("ETag")));
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();

        Http.Reply list = Http.get(api("/opportunities?size=50"), bidManager());
        Http.Reply sameList = Http.call("GET", api("/opportunities?size=50"), bidManager(), null, Map.of("If-None-Match", list.header("ETag")));
        assertThat(list.header("ETag")).startsWith("W/");
        assertThat(sameList.status()).isEqualTo(304);
        Bids.recordTender(bidManager(), "Conditional, a second " + UUID.randomUUID());
        Http.Reply changedList = Http.call("GET", api("/opportunities?size=50"), bidManager(), null, Map.of("If-None-Match", list.header("ETag")));
        assertThat(changedList.status()).isEqualTo(200);

        Http.Reply gzipped = Http.call("GET", api("/opportunities?size=50"), bidManager(), null, Map.of("Accept-Encoding", "gzip"));
        Http.Reply small = Http.call("GET", api("/me/preferences"), bidManager(), null, Map.of("Accept-Encoding", "gzip"));
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(small.header("Content-Encoding")).isNull();
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = Bids.recordTender(bidManager(), "Stale " + UUID.randomUUID());
        assertThat(patch(id, "{\"employer\": \"EVN Genco 3\"}", "\"0\"").status()).isEqualTo(200);

        Http.Reply stale = patch(id, "{\"employer\": \"PVN\"}", "\"0\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(Http.get(api("/opportunities/" + id), bidManager()).json().getString("employer")).isEqualTo("EVN Genco 3");
    }

    @Test
    void aChangeWithoutIfMatchIs428AndAWeakTagNeverMatches() {
        String id = Bids.recordTender(bidManager(), "Blind " + UUID.randomUUID());

        Http.Reply blind = patch(id, "{\"employer\": \"PVN\"}", null);
        Http.Reply weak = patch(id, "{\"employer\": \"PVN\"}", "W/\"0\"");
        Http.Reply blindDecision = Http.postJson(api("/opportunities/" + id + "/decision"), bidManager(), "{\"decision\": \"GO\", \"reasons\": \"x\"}");

        assertThat(blind.status()).isEqualTo(428);
        assertThat(blind.json().getString("type")).endsWith("/precondition-required");
        assertThat(weak.status()).isEqualTo(412);
        assertThat(blindDecision.status()).isEqualTo(428);
        assertThat(Http.get(api("/opportunities/" + id), bidManager()).json().getString("employer")).isEqualTo("EVN");
    }

    @Test
    void aMemberWhoMayNotChangeATenderIsToldSoBeforeBeingAskedForIfMatch() {
        String id = Bids.recordTender(bidManager(), "Role first " + UUID.randomUUID());

        Http.Reply viewer = Http.call("PATCH", api("/opportunities/" + id), Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer"), "{\"employer\": \"PVN\"}", Map.of());
        Http.Reply outsider = Http.call("PATCH", api("/opportunities/" + id), Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager"), "{\"employer\": \"PVN\"}", Map.of());

        assertThat(viewer.status()).isEqualTo(403);
        assertThat(outsider.status()).isEqualTo(404);
    }

    @Test
    void twoConcurrentChangesWithTheSameTagNeverBothWinAndNeitherIsLostSilently() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = Bids.recordTender(bidManager(), "Race " + UUID.randomUUID());
            String etag = Bids.etag("/opportunities/" + id, bidManager());

            List<Integer> statuses = dev.kakehashi.testing.Concurrently.statuses(
                    () -> patch(id, "{\"employer\": \"EVN Genco 1\"}", etag),
                    () -> patch(id, "{\"title\": \"Race renamed\"}", etag));

            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            JsonObject now = Http.get(api("/opportunities/" + id), bidManager()).json();
            boolean employerChanged = now.getString("employer").equals("EVN Genco 1");
            boolean titleChanged = now.getString("title").equals("Race renamed");
            assertThat(employerChanged ^ titleChanged).as("exactly the winner's change is there").isTrue();
            assertThat(now.getJsonNumber("version").longValue()).isEqualTo(1);
        }
    }

    @Test
    void listsArePagedAndFiltered() {
        String marker = "Paging " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Bids.recordTender(bidManager(), marker + " " + i);
        }
        Http.Reply page = Http.get(api("/opportunities?country=VN&stage=IDENTIFIED&size=2"), bidManager());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.jsonArray()).hasSize(2);
        assertThat(Long.parseLong(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
        assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=").contains("size=2").contains("country=VN");
        assertThat(Http.get(api("/opportunities?country=JP"), bidManager()).status()).isEqualTo(400);
        assertThat(Http.get(api("/opportunities?size=500"), bidManager()).status()).isEqualTo(400);
        for (String bad : new String[] {"page=abc", "page=2147483647&size=200", "page=-1", "size=1e3", "page=99999999999999999999"}) {
            Http.Reply refused = Http.get(api("/opportunities?" + bad), bidManager());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().getString("type")).as(bad).endsWith("/invalid-page");
        }
    }

    @Test
    void theDemoTenderOfTsubasaIsVisibleToNoOtherCompany() {
        String westJava = "7b1e0000-0000-4000-8000-000000000003";

        assertThat(Http.get(api("/opportunities/" + westJava), Tokens.user(DemoCompany.TSUBASA_TRADING, "viewer")).status()).isEqualTo(200);
        for (DemoCompany other : new DemoCompany[] {DemoCompany.SAKURA_SHOJI, DemoCompany.HANBIT_ENC, DemoCompany.MIRAE_EPC}) {
            assertThat(Http.get(api("/opportunities/" + westJava), Tokens.user(other, "bid-manager")).status()).as(other.alias()).isEqualTo(404);
            assertThat(Http.get(api("/opportunities?size=200"), Tokens.user(other, "bid-manager")).body()).as(other.alias()).doesNotContain(westJava);
        }
    }
}
