package dev.kakehashi.pricing;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.Concurrently;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each member prices its own packages, seals them, and nobody else sees a number before the opening. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PricingApiIT {

    private static final String SAKURA_LINES = """
            {"lines": [{"package": "Financing", "amount": "120000000", "currency": "JPY", "note": "JBIC buyer's credit, 12 years"}],
             "validUntil": "%s"}""".formatted(LocalDate.now().plusMonths(6));

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String sakura(String role) {
        return Tokens.user(DemoCompany.SAKURA_SHOJI, role);
    }

    private static String hanbit(String role) {
        return Tokens.user(DemoCompany.HANBIT_ENC, role);
    }

    /** A consortium of Sakura (financing) and Hanbit (the gas turbine island), allocated. */
    private static String consortium() {
        String consortium = Bids.sakuraWithHanbit("Prices " + UUID.randomUUID())[1];
        Http.Reply allocated = Http.call("PUT", api("/consortia/" + consortium + "/allocation"), sakura("bid-manager"),
                Bids.allocationJson(Bids.pack("Financing", "sakura-shoji", "20", "{\"sakura-shoji\": \"A\"}"),
                        Bids.pack("Gas turbine island", "hanbit-enc", "80", "{\"hanbit-enc\": \"R\", \"sakura-shoji\": \"A\"}")),
                Map.of("If-Match", "\"0\""));
        assertThat(allocated.status()).as(allocated.body()).isEqualTo(200);
        return consortium;
    }

    private static Http.Reply put(String consortium, String token, String json, String ifMatch) {
        return Http.call("PUT", api("/consortia/" + consortium + "/prices/mine"), token, json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static Http.Reply seal(String consortium, String token, String ifMatch) {
        return Http.call("POST", api("/consortia/" + consortium + "/prices/mine/seal"), token, null, Map.of("If-Match", ifMatch));
    }

    @Test
    void aMemberPricesItsOwnPackagesInVersionsWithIfMatchAndEveryRuleNamed() {
        String consortium = consortium();
        Http.Reply empty = Http.get(api("/consortia/" + consortium + "/prices/mine"), sakura("contributor"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.header("ETag")).isEqualTo("\"0\"");
        assertThat(empty.json().getJsonArray("myPackages").getString(0)).isEqualTo("Financing");
        assertThat(empty.json().getJsonArray("lines")).isEmpty();

        Http.Reply saved = put(consortium, sakura("contributor"), SAKURA_LINES, "\"0\"");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().getInt("version")).isEqualTo(1);
        assertThat(saved.json().getJsonArray("lines").getJsonObject(0).getString("amount")).isEqualTo("120000000");

        Http.Reply notMine = put(consortium, sakura("contributor"),
                "{\"lines\": [{\"package\": \"Gas turbine island\", \"amount\": \"1\", \"currency\": \"USD\"}]}", saved.header("ETag"));
        Http.Reply yen = put(consortium, sakura("contributor"), "{\"lines\": [{\"package\": \"Financing\", \"amount\": \"1.5\", \"currency\": \"JPY\"}]}",
                saved.header("ETag"));
        Http.Reply blind = put(consortium, sakura("contributor"), SAKURA_LINES, null);
        Http.Reply stale = put(consortium, sakura("contributor"), SAKURA_LINES, "\"0\"");
        Http.Reply viewer = put(consortium, sakura("viewer"), SAKURA_LINES, saved.header("ETag"));

        assertThat(notMine.status()).isEqualTo(422);
        assertThat(notMine.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("package-not-yours");
        assertThat(yen.status()).isEqualTo(400);
        assertThat(blind.status()).isEqualTo(428);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(Http.get(api("/consortia/" + consortium + "/prices/mine"), sakura("viewer")).json().getInt("version")).isEqualTo(1);
    }

    @Test
    void aSealCommitsToTheVersionEveryMemberSeesTheCommitmentAndAChangeUnseals() throws Exception {
        String consortium = consortium();
        Http.Reply saved = put(consortium, sakura("contributor"), SAKURA_LINES, "\"0\"");
        assertThat(seal(consortium, sakura("contributor"), saved.header("ETag")).status()).isEqualTo(403);

        // Two bid managers seal with the same ETag at once: exactly one wins
        List<Integer> both = Concurrently.statuses(() -> seal(consortium, sakura("bid-manager"), saved.header("ETag")),
                () -> seal(consortium, sakura("bid-manager"), saved.header("ETag")));
        assertThat(both).containsExactlyInAnyOrder(200, 412);
        JsonObject sealed = Http.get(api("/consortia/" + consortium + "/prices/mine"), sakura("viewer")).json();
        assertThat(sealed.getBoolean("sealed")).isTrue();
        String commitment = sealed.getString("commitment");
        assertThat(commitment).matches("[0-9a-f]{64}");

        // Hanbit sees that Sakura sealed, when, and the commitment: not a number
        Http.Reply status = Http.get(api("/consortia/" + consortium + "/prices/status"), hanbit("viewer"));
        assertThat(status.status()).isEqualTo(200);
        JsonObject sakuraStatus = status.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("company").equals("sakura-shoji")).findFirst().orElseThrow();
        assertThat(sakuraStatus.getBoolean("sealed")).isTrue();
        assertThat(sakuraStatus.getString("commitment")).isEqualTo(commitment);
        assertThat(status.body()).doesNotContain("120000000").doesNotContain("JPY").doesNotContain("JBIC");

        // The commitment is SHA-256 of the canonical form and the salt kept (encrypted) with the version
        String sealedSalt = (String) Sql.rows("select v.sealed_salt from price_contribution_version v join price_contribution c on c.id = v.contribution_id "
                + "where c.consortium_id = ? and v.number = 1", consortium).get(0).get("sealed_salt");
        String companyId = (String) Sql.rows("select company_id from price_contribution where consortium_id = ?", consortium).get(0).get("company_id");
        String salt = new PriceCipher(PriceCipher.DEVELOPMENT_KEYS, "").open(sealedSalt, consortium + "/" + companyId);
        Contribution opened = new Contribution(List.of(new Contribution.Line("Financing", new BigDecimal("120000000"), dev.kakehashi.opportunity.Currency.JPY,
                "JBIC buyer's credit, 12 years")), LocalDate.parse(sealed.getString("validUntil")));
        assertThat(Contribution.commitment(opened.canonical(consortium, "sakura-shoji", 1), salt)).isEqualTo(commitment);

        // A change after the seal is a new version, unsealed, and the trail says both (not the amounts)
        Http.Reply changed = put(consortium, sakura("contributor"), SAKURA_LINES.replace("120000000", "118000000"),
                Http.get(api("/consortia/" + consortium + "/prices/mine"), sakura("contributor")).header("ETag"));
        assertThat(changed.json().getBoolean("sealed")).isFalse();
        assertThat(changed.json().getInt("version")).isEqualTo(2);
        assertThat(Http.get(api("/consortia/" + consortium + "/prices/status"), hanbit("viewer")).body()).doesNotContain(commitment);
        String trail = Http.get(api("/consortia/" + consortium + "/audit?size=200"), sakura("bid-manager")).body();
        assertThat(trail).contains("prices.sealed").contains("prices.unsealed").contains("prices.changed")
                .doesNotContain("120000000").doesNotContain("118000000");
    }

    @Test
    void nobodyOutsideTheCompanySeesAPriceAndTheDatabaseHoldsNoneInTheClear() {
        String consortium = consortium();
        assertThat(put(consortium, sakura("contributor"), SAKURA_LINES, "\"0\"").status()).isEqualTo(200);

        // The partner reads its own (empty) contribution, and the trail shows it nothing of Sakura's edits
        Http.Reply partner = Http.get(api("/consortia/" + consortium + "/prices/mine"), hanbit("bid-manager"));
        assertThat(partner.json().getJsonArray("lines")).isEmpty();
        assertThat(partner.json().getJsonArray("myPackages").getString(0)).isEqualTo("Gas turbine island");
        assertThat(Http.get(api("/consortia/" + consortium + "/audit?size=200"), hanbit("bid-manager")).body())
                .doesNotContain("prices.changed").doesNotContain("120000000");
        // An outsider: 404 wherever it asks, exactly as for a consortium that does not exist
        String tsubasa = Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager");
        for (String path : new String[] {"/prices/mine", "/prices/status", "/prices/opening", "/prices"}) {
            assertThat(Http.get(api("/consortia/" + consortium + path), tsubasa).status()).as(path).isEqualTo(404);
            assertThat(Http.get(api("/consortia/" + UUID.randomUUID() + path), tsubasa).status()).as(path).isEqualTo(404);
        }
        assertThat(put(consortium, tsubasa, SAKURA_LINES, "\"0\"").status()).isEqualTo(404);
        assertThat(seal(consortium, tsubasa, "\"0\"").status()).isEqualTo(404);
        assertThat(Http.call("PUT", api("/consortia/" + consortium + "/prices/opening"), tsubasa,
                "{\"opensAt\": \"2030-01-01T00:00:00Z\", \"bidCurrency\": \"USD\", \"rates\": {}}", Map.of("If-Match", "\"0\"")).status()).isEqualTo(404);
        // So is any company that is not a member
        assertThat(Http.get(api("/consortia/" + consortium + "/prices/status"), Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager")).status()).isEqualTo(404);

        // Neither amounts, currencies nor notes are in the clear in the database
        List<Map<String, Object>> stored = Sql.rows("select v.sealed_content from price_contribution_version v join price_contribution c "
                + "on c.id = v.contribution_id where c.consortium_id = ?", consortium);
        assertThat(stored).hasSize(1);
        assertThat((String) stored.get(0).get("sealed_content")).startsWith("dev:").doesNotContain("120000000").doesNotContain("JPY")
                .doesNotContain("JBIC").doesNotContain("Financing");
    }

    private static Http.Reply setOpening(String consortium, String token, String json, String ifMatch) {
        return Http.call("PUT", api("/consortia/" + consortium + "/prices/opening"), token, json, Map.of("If-Match", ifMatch));
    }

    @Test
    void atTheOpeningTheLeaderReadsEverySealedContributionAndOneBidPriceThatAnyoneCanCheck() throws Exception {
        String consortium = consortium();
        String prices = api("/consortia/" + consortium + "/prices");
        Http.Reply sakuraSaved = put(consortium, sakura("contributor"), SAKURA_LINES, "\"0\"");
        assertThat(seal(consortium, sakura("bid-manager"), sakuraSaved.header("ETag")).status()).isEqualTo(200);
        Http.Reply hanbitSaved = put(consortium, hanbit("contributor"),
                "{\"lines\": [{\"package\": \"Gas turbine island\", \"amount\": \"612000000.50\", \"currency\": \"USD\"}]}", "\"0\"");
        assertThat(hanbitSaved.status()).as(hanbitSaved.body()).isEqualTo(200);
        assertThat(seal(consortium, hanbit("bid-manager"), hanbitSaved.header("ETag")).status()).isEqualTo(200);

        // Before any opening: the leader is told the prices are sealed, a partner that it may not, an outsider nothing
        assertThat(Http.get(prices, sakura("bid-manager")).status()).isEqualTo(409);
        assertThat(Http.get(prices, hanbit("bid-manager")).status()).isEqualTo(403);
        assertThat(Http.get(prices, Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager")).status()).isEqualTo(404);

        String opening = "{\"opensAt\": \"%s\", \"bidCurrency\": \"USD\", \"rates\": {\"JPY\": \"0.00671\", \"KRW\": \"0.000731\"},"
                + " \"ratesAsOf\": \"2027-03-25\", \"ratesSource\": \"Vietcombank selling rates\"}";
        assertThat(setOpening(consortium, sakura("bid-manager"), opening.formatted(java.time.Instant.now().minusSeconds(60)), "\"0\"").json()
                .getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("opens-later");
        assertThat(setOpening(consortium, hanbit("bid-manager"), opening.formatted(java.time.Instant.now().plusSeconds(60)), "\"0\"").status()).isEqualTo(403);
        java.time.Instant opensAt = java.time.Instant.now().plusSeconds(3);
        Http.Reply set = setOpening(consortium, sakura("bid-manager"), opening.formatted(opensAt), "\"0\"");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonObject seen = Http.get(prices + "/opening", hanbit("viewer")).json();
        assertThat(seen.getString("bidCurrency")).isEqualTo("USD");
        assertThat(seen.getString("opensAtInTenderZone")).endsWith("+07:00");
        Http.Reply sealedStill = Http.get(prices, sakura("bid-manager"));
        assertThat(sealedStill.status()).isEqualTo(409);
        assertThat(sealedStill.json().getString("type")).endsWith("/prices-sealed");

        Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), opensAt).toMillis()) + 500);

        // Once it has passed, the opening stays as it was
        assertThat(setOpening(consortium, sakura("bid-manager"), opening.formatted(java.time.Instant.now().plusSeconds(600)), set.header("ETag")).json()
                .getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("opening-passed");
        assertThat(Http.get(prices, hanbit("bid-manager")).status()).isEqualTo(403);
        assertThat(Http.get(prices, sakura("contributor")).status()).isEqualTo(403);
        Http.Reply opened = Http.get(prices, sakura("bid-manager"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        JsonObject consolidated = opened.json();
        // By hand: 120,000,000 JPY × 0.00671 = 805,200.00 USD, plus 612,000,000.50 USD
        assertThat(consolidated.getString("total")).isEqualTo("612805200.50");
        assertThat(consolidated.getJsonArray("unpricedPackages")).isEmpty();
        assertThat(consolidated.getJsonArray("unsealedCompanies")).isEmpty();
        for (JsonObject contribution : consolidated.getJsonArray("contributions").getValuesAs(JsonObject.class)) {
            assertThat(Contribution.commitment(contribution.getString("canonical"), contribution.getString("salt")))
                    .as(contribution.getString("company")).isEqualTo(contribution.getString("commitment"));
        }
        JsonObject hanbitStatus = Http.get(prices + "/status", hanbit("viewer")).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(st -> st.getString("company").equals("hanbit-enc")).findFirst().orElseThrow();
        assertThat(consolidated.getJsonArray("contributions").getValuesAs(JsonObject.class)).anySatisfy(
                c -> assertThat(c.getString("commitment")).isEqualTo(hanbitStatus.getString("commitment")));
        assertThat(Http.get(api("/consortia/" + consortium + "/audit?size=200"), hanbit("viewer")).body()).contains("prices.read")
                .contains("prices.opening-set").doesNotContain("612000000.50");
    }

    @Test
    void theDemoConsortiumHasBothPricesSealedAndAnOpeningToCome() {
        String demo = api("/consortia/" + DemoPrices.CONSORTIUM + "/prices");
        List<JsonObject> status = Http.get(demo + "/status", hanbit("viewer")).jsonArray().getValuesAs(JsonObject.class);
        assertThat(status).filteredOn(s -> List.of("sakura-shoji", "hanbit-enc").contains(s.getString("company")))
                .hasSize(2).allSatisfy(s -> assertThat(s.getBoolean("sealed")).isTrue());
        JsonObject opening = Http.get(demo + "/opening", hanbit("viewer")).json();
        assertThat(opening.getString("bidCurrency")).isEqualTo("USD");
        assertThat(opening.getBoolean("opened")).isFalse();
        assertThat(Http.get(demo, sakura("bid-manager")).status()).isEqualTo(409);
        JsonObject mine = Http.get(demo + "/mine", hanbit("viewer")).json();
        assertThat(mine.getJsonArray("lines")).hasSize(3);
        assertThat(mine.getBoolean("sealed")).isTrue();
    }
}
