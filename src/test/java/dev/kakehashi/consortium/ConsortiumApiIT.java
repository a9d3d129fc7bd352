package dev.kakehashi.consortium;

import static dev.kakehashi.testing.Bids.api;
import static dev.kakehashi.testing.Bids.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
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

/** A trading house forms a consortium around its tender and a Korean EPC firm joins it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsortiumApiIT {

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

    private static String status(List<JsonObject> members, String company) {
        return members.stream().filter(m -> m.getString("company").equals(company)).findFirst().orElseThrow().getString("status");
    }

    private static List<JsonObject> members(String consortium, String token) {
        return Http.get(api("/consortia/" + consortium + "/members"), token).jsonArray().getValuesAs(JsonObject.class);
    }

    @Test
    void theLeaderFormsInvitesAndTheInvitedCompanyAcceptsAndThenSeesTheWorkspace() {
        String title = "Nghi Son 3 " + UUID.randomUUID();
        String tender = Bids.recordTender(sakura("bid-manager"), title);
        String code = Bids.uniqueCode();

        Http.Reply formed = Http.postJson(api("/consortia"), sakura("bid-manager"),
                "{\"opportunityId\": \"" + tender + "\", \"name\": \"Nghi Son Consortium\", \"code\": \"" + code + "\"}");
        assertThat(formed.status()).as(formed.body()).isEqualTo(201);
        String consortium = formed.json().getString("id");
        assertThat(formed.json().getString("leader")).isEqualTo("sakura-shoji");
        assertThat(formed.json().getString("agreementStatus")).isEqualTo("MOU");
        assertThat(formed.json().getString("opportunityTitle")).isEqualTo(title);
        assertThat(members(consortium, sakura("viewer"))).singleElement().satisfies(m -> {
            assertThat(m.getString("company")).isEqualTo("sakura-shoji");
            assertThat(m.getString("status")).isEqualTo("ACTIVE");
            assertThat(m.getJsonArray("roles").toString()).isEqualTo("[\"LEADER\"]");
        });

        Http.Reply invited = Bids.invite(sakura("bid-manager"), consortium, DemoCompany.HANBIT_ENC, "EPC_CONTRACTOR");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String invitation = invited.json().getString("id");
        assertThat(invited.json().getString("status")).isEqualTo("INVITED");

        // Invited only: the invitation, and nothing else of the consortium
        JsonObject seen = Http.get(api("/invitations?size=200"), hanbit("bid-manager")).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("id").equals(invitation)).findFirst().orElseThrow();
        assertThat(seen.getJsonObject("consortium").getString("name")).isEqualTo("Nghi Son Consortium");
        assertThat(seen.getJsonObject("consortium").getString("leader")).isEqualTo("sakura-shoji");
        assertThat(seen.getJsonObject("consortium").getString("opportunityTitle")).isEqualTo(title);
        assertThat(seen.getJsonArray("roles").toString()).isEqualTo("[\"EPC_CONTRACTOR\"]");
        assertThat(Http.get(api("/consortia/" + consortium), hanbit("bid-manager")).status()).isEqualTo(404);
        assertThat(Http.get(api("/opportunities/" + tender), hanbit("bid-manager")).status()).isEqualTo(404);

        Http.Reply accepted = Bids.answer(invitation, "accept", hanbit("bid-manager"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().getString("status")).isEqualTo("ACTIVE");

        assertThat(Http.get(api("/consortia/" + consortium), hanbit("viewer")).status()).isEqualTo(200);
        assertThat(status(members(consortium, hanbit("viewer")), "hanbit-enc")).isEqualTo("ACTIVE");
        assertThat(Http.get(api("/opportunities/" + tender), hanbit("viewer")).json().getString("title")).isEqualTo(title);
        assertThat(Http.call("PATCH", api("/opportunities/" + tender), hanbit("bid-manager"), "{\"employer\": \"PVN\"}", Map.of()).status())
                .isEqualTo(403);
        assertThat(Http.get(api("/consortia?size=200"), hanbit("viewer")).body()).contains(consortium);

        List<String> actions = Http.get(api("/consortia/" + consortium + "/audit"), hanbit("viewer")).jsonArray().getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("action")).toList();
        assertThat(actions).containsExactly("consortium.invitation-accepted", "consortium.invited", "consortium.formed");
    }

    @Test
    void anInvitedCompanyDeclinesAndCanBeInvitedAgain() {
        String consortium = Bids.sakuraWithHanbit("Decline " + UUID.randomUUID())[1];
        String invitation = Bids.invited(sakura("bid-manager"), consortium, DemoCompany.MIRAE_EPC, "EQUIPMENT_SUPPLIER");
        String mirae = Tokens.user(DemoCompany.MIRAE_EPC, "company-admin");

        assertThat(Bids.answer(invitation, "decline", mirae).json().getString("status")).isEqualTo("DECLINED");
        assertThat(Http.get(api("/consortia/" + consortium), mirae).status()).isEqualTo(404);
        assertThat(status(members(consortium, sakura("viewer")), "mirae-epc")).isEqualTo("DECLINED");
        assertThat(Bids.answer(invitation, "accept", mirae).status()).isEqualTo(422);

        assertThat(Bids.invite(sakura("bid-manager"), consortium, DemoCompany.MIRAE_EPC, "OM_OPERATOR").status()).isEqualTo(201);
        assertThat(status(members(consortium, sakura("viewer")), "mirae-epc")).isEqualTo("INVITED");
    }

    @Test
    void theLeaderWithdrawsAnInvitationWhichCanThenNotBeAccepted() {
        String consortium = Bids.sakuraWithHanbit("Withdraw invitation " + UUID.randomUUID())[1];
        String invitation = Bids.invited(sakura("bid-manager"), consortium, DemoCompany.TSUBASA_TRADING, "FINANCIAL_ADVISOR");

        assertThat(Bids.answer(invitation, "withdraw", sakura("bid-manager")).json().getString("status")).isEqualTo("WITHDRAWN");

        Http.Reply late = Bids.answer(invitation, "accept", Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("invitation-open");
    }

    @Test
    void aMemberWithdrawsButTheLeaderCannot() {
        String consortium = Bids.sakuraWithHanbit("Member withdraws " + UUID.randomUUID())[1];

        Http.Reply leader = Bids.withdrawFrom(consortium, DemoCompany.SAKURA_SHOJI, sakura("bid-manager"));
        assertThat(leader.status()).isEqualTo(422);
        assertThat(leader.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("leader-stays");

        assertThat(Bids.withdrawFrom(consortium, DemoCompany.HANBIT_ENC, hanbit("bid-manager")).json().getString("status")).isEqualTo("WITHDRAWN");
        assertThat(Http.get(api("/consortia/" + consortium), hanbit("bid-manager")).status()).isEqualTo(404);
        assertThat(status(members(consortium, sakura("viewer")), "hanbit-enc")).isEqualTo("WITHDRAWN");
    }

    @Test
    void onlyBidManagersAndCompanyAdminsOfTheInvitedCompanyAnswer() {
        String consortium = Bids.sakuraWithHanbit("Who answers " + UUID.randomUUID())[1];
        String invitation = Bids.invited(sakura("bid-manager"), consortium, DemoCompany.MIRAE_EPC, "EQUIPMENT_SUPPLIER");

        assertThat(post("/invitations/" + invitation + "/accept", Tokens.user(DemoCompany.MIRAE_EPC, "viewer")).status()).isEqualTo(403);
        assertThat(post("/invitations/" + invitation + "/accept", Tokens.user(DemoCompany.MIRAE_EPC, "contributor")).status()).isEqualTo(403);
        assertThat(post("/invitations/" + invitation + "/accept", sakura("bid-manager")).status()).isEqualTo(403);
        assertThat(status(members(consortium, sakura("viewer")), "mirae-epc")).isEqualTo("INVITED");
        assertThat(Bids.answer(invitation, "accept", Tokens.user(DemoCompany.MIRAE_EPC, "company-admin")).status()).isEqualTo(200);
    }

    @Test
    void formingRulesAreNamed() {
        String tender = Bids.recordTender(sakura("bid-manager"), "Forming rules " + UUID.randomUUID());

        Http.Reply badCode = Http.postJson(api("/consortia"), sakura("bid-manager"),
                "{\"opportunityId\": \"" + tender + "\", \"name\": \"X\", \"code\": \"qt-1\"}");
        assertThat(badCode.status()).isEqualTo(422);
        assertThat(badCode.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("code-format");

        Bids.formConsortium(sakura("bid-manager"), tender, Bids.uniqueCode());
        Http.Reply second = Http.postJson(api("/consortia"), sakura("bid-manager"),
                "{\"opportunityId\": \"" + tender + "\", \"name\": \"Again\", \"code\": \"" + Bids.uniqueCode() + "\"}");
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("one-consortium-per-opportunity");

        assertThat(Http.postJson(api("/consortia"), sakura("viewer"),
                "{\"opportunityId\": \"" + Bids.recordTender(sakura("bid-manager"), "Viewer forms") + "\", \"name\": \"V\", \"code\": \"VV\"}").status())
                .isEqualTo(403);
    }

    @Test
    void invitationRulesAreNamed() {
        String consortium = Bids.sakuraWithHanbit("Invitation rules " + UUID.randomUUID())[1];

        Http.Reply unknown = Http.postJson(api("/consortia/" + consortium + "/invitations"), sakura("bid-manager"),
                "{\"company\": \"no-such-company\", \"roles\": [\"SPONSOR\"]}");
        Http.Reply twice = Bids.invite(sakura("bid-manager"), consortium, DemoCompany.HANBIT_ENC, "SPONSOR");
        Http.Reply leader = Bids.invite(sakura("bid-manager"), consortium, DemoCompany.MIRAE_EPC, "LEADER");
        Http.Reply byMember = Bids.invite(hanbit("bid-manager"), consortium, DemoCompany.MIRAE_EPC, "SPONSOR");

        assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("company-exists");
        assertThat(twice.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("already-invited-or-member");
        assertThat(leader.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("one-leader");
        assertThat(byMember.status()).isEqualTo(403);
    }

    @Test
    void theAgreementOnlyMovesForwardAndHonoursIfMatch() {
        String consortium = Bids.sakuraWithHanbit("Agreement " + UUID.randomUUID())[1];
        String etag = Http.get(api("/consortia/" + consortium), sakura("bid-manager")).header("ETag");
        String teaming = "{\"agreementStatus\": \"TEAMING_AGREEMENT\"}";

        Http.Reply advanced = Http.call("POST", api("/consortia/" + consortium + "/agreement"), sakura("bid-manager"), teaming, Map.of("If-Match", etag));
        Http.Reply stale = Http.call("POST", api("/consortia/" + consortium + "/agreement"), sakura("bid-manager"),
                "{\"agreementStatus\": \"CONSORTIUM_AGREEMENT_SIGNED\"}", Map.of("If-Match", etag));
        Http.Reply backwards = Http.call("POST", api("/consortia/" + consortium + "/agreement"), sakura("bid-manager"),
                "{\"agreementStatus\": \"MOU\"}", Map.of("If-Match", Bids.etag("/consortia/" + consortium, sakura("bid-manager"))));
        Http.Reply blind = Http.call("POST", api("/consortia/" + consortium + "/agreement"), sakura("bid-manager"),
                "{\"agreementStatus\": \"CONSORTIUM_AGREEMENT_SIGNED\"}", Map.of());
        Http.Reply memberWithoutTag = Http.call("POST", api("/consortia/" + consortium + "/agreement"), hanbit("bid-manager"),
                "{\"agreementStatus\": \"CONSORTIUM_AGREEMENT_SIGNED\"}", Map.of());

        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        assertThat(advanced.json().getString("agreementStatus")).isEqualTo("TEAMING_AGREEMENT");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(blind.status()).isEqualTo(428);
        assertThat(memberWithoutTag.status()).as("a member that may not change it hears so first").isEqualTo(403);
        assertThat(Http.get(api("/consortia/" + consortium), hanbit("viewer")).json().getString("agreementStatus")).isEqualTo("TEAMING_AGREEMENT");
    }

    @Test
    void theDemoConsortiumIsLedBySakuraWithHanbitActiveAndMiraeInvited() {
        String qtp = "7b1e0000-0000-4000-8000-0000000000c1";
        List<JsonObject> members = members(qtp, hanbit("viewer"));

        assertThat(status(members, "sakura-shoji")).isEqualTo("ACTIVE");
        assertThat(status(members, "hanbit-enc")).isEqualTo("ACTIVE");
        assertThat(status(members, "mirae-epc")).isEqualTo("INVITED");
        assertThat(Http.get(api("/consortia/" + qtp + "/allocation"), hanbit("viewer")).json().getJsonArray("packages")).hasSize(4);
        assertThat(Http.get(api("/consortia/" + qtp), Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager")).status()).isEqualTo(404);
    }

    private static List<String> ids(Http.Reply page) {
        return page.jsonArray().getValuesAs(JsonObject.class).stream().map(e -> e.getString("id")).toList();
    }

    private static String next(Http.Reply page) {
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(String.valueOf(page.header("Link")));
        return next.find() ? next.group(1) : null;
    }

    @Test
    void aListReadByCursorGoesOnWhereItWasWhileNewRowsArrive() {
        String consortium = Bids.sakuraWithHanbit("Cursor " + UUID.randomUUID())[1];
        String trail = api("/consortia/" + consortium + "/audit");
        Http.Reply first = Http.get(trail + "?size=1", sakura("bid-manager"));
        List<String> secondByNumber = ids(Http.get(trail + "?size=1&page=1", sakura("bid-manager")));
        assertThat(first.jsonArray()).hasSize(1);
        assertThat(secondByNumber).hasSize(1);

        // New events arrive at the head of the trail (newest first) while the job reads it
        assertThat(Bids.invite(sakura("bid-manager"), consortium, DemoCompany.MIRAE_EPC, "LOCAL_PARTNER").status()).isEqualTo(201);
        Http.Reply changed = Http.call("PUT", api("/consortia/" + consortium + "/allocation"), sakura("bid-manager"),
                Bids.allocationJson(Bids.SOUND_PACKAGES_TURBINE, Bids.SOUND_PACKAGES_REST),
                Map.of("If-Match", Bids.etag("/consortia/" + consortium + "/allocation", sakura("bid-manager"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        Http.Reply second = Http.get(next(first), sakura("bid-manager"));
        assertThat(next(first)).contains("cursor=").doesNotContain("page=");
        assertThat(ids(second)).as("the page after the first, as it was before the new events").isEqualTo(secondByNumber);
        assertThat(ids(Http.get(trail + "?size=1&page=1", sakura("bid-manager")))).as("by number, the rows moved").isNotEqualTo(secondByNumber);
        // A cursor that this API did not give is refused, and so is one next to a page
        assertThat(Http.get(trail + "?cursor=not-a-cursor", sakura("bid-manager")).status()).isEqualTo(400);
        assertThat(Http.get(next(first) + "&page=2", sakura("bid-manager")).status()).isEqualTo(400);
        // Another company's cursor reveals nothing: the trail is still scoped by the caller
        assertThat(Http.get(next(first), Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager")).status()).isEqualTo(404);
    }
}
