package dev.kakehashi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Builds the situations the consortium tests start from, through the API, as the real users would. */
public final class Bids {

    private Bids() {
    }

    public static String api(String path) {
        return TestStack.apiUrl() + path;
    }

    /** A code no other test uses: T + five capital letters or digits. */
    public static String uniqueCode() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 5; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    public static String tenderJson(String title) {
        return """
                {"title": "%s", "country": "VN", "sector": "LNG_TO_POWER", "employer": "EVN", "funding": ["JBIC", "KEXIM"],
                 "estimatedValue": {"amount": "1800000000", "currency": "USD"},
                 "procurementMethod": "SINGLE_STAGE_TWO_ENVELOPE",
                 "bidDueAt": "2027-03-31T17:00:00+07:00", "timeZone": "Asia/Ho_Chi_Minh"}
                """.formatted(title);
    }

    public static String recordTender(String token, String title) {
        Http.Reply reply = Http.postJson(api("/opportunities"), token, tenderJson(title));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().getString("id");
    }

    public static String formConsortium(String token, String opportunityId, String code) {
        Http.Reply reply = Http.postJson(api("/consortia"), token,
                "{\"opportunityId\": \"" + opportunityId + "\", \"name\": \"" + code + " Power Consortium\", \"code\": \"" + code + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().getString("id");
    }

    public static Http.Reply invite(String token, String consortiumId, DemoCompany company, String... roles) {
        String list = Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        return Http.postJson(api("/consortia/" + consortiumId + "/invitations"), token,
                "{\"company\": \"" + company.alias() + "\", \"roles\": [" + list + "]}");
    }

    public static String invited(String token, String consortiumId, DemoCompany company, String... roles) {
        Http.Reply reply = invite(token, consortiumId, company, roles);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().getString("id");
    }

    public static Http.Reply post(String path, String token) {
        return Http.call("POST", api(path), token, null, Map.of());
    }

    /** The ETag of what {@code path} answers to this caller, or null when it answers no 200. */
    public static String etag(String path, String token) {
        Http.Reply reply = Http.get(api(path), token);
        return reply.status() == 200 ? reply.header("ETag") : null;
    }

    /** A state change with the If-Match of what {@code etagPath} answers now, as a careful client sends it. */
    public static Http.Reply postIfMatch(String path, String etagPath, String token) {
        String etag = etag(etagPath, token);
        return Http.call("POST", api(path), token, null, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    /** Accepts, declines or withdraws an invitation ({@code action}), with the invitation's ETag. */
    public static Http.Reply answer(String invitation, String action, String token) {
        return postIfMatch("/invitations/" + invitation + "/" + action, "/invitations/" + invitation, token);
    }

    /** A member company leaves a consortium, with the ETag (version) of its membership. */
    public static Http.Reply withdrawFrom(String consortium, DemoCompany company, String token) {
        Http.Reply members = Http.get(api("/consortia/" + consortium + "/members"), token);
        String version = members.status() != 200 ? null : members.jsonArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(m -> m.getString("company").equals(company.alias())).map(m -> "\"" + m.getJsonNumber("version") + "\"")
                .findFirst().orElse(null);
        return Http.call("POST", api("/consortia/" + consortium + "/withdraw"), token, null, version == null ? Map.of() : Map.of("If-Match", version));
    }

    /** A consortium of sakura-shoji (leader) with hanbit-enc active; returns {opportunityId, consortiumId}. */
    public static String[] sakuraWithHanbit(String title) {
        String leader = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        String opportunity = recordTender(leader, title);
        String consortium = formConsortium(leader, opportunity, uniqueCode());
        String invitation = invited(leader, consortium, DemoCompany.HANBIT_ENC, "EPC_CONTRACTOR");
        Http.Reply accepted = answer(invitation, "accept", Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return new String[] {opportunity, consortium};
    }

    public static String allocationJson(String... packages) {
        return """
                {"members": [{"company": "sakura-shoji", "roles": ["LEADER", "SPONSOR"], "equityShare": 60},
                             {"company": "hanbit-enc", "roles": ["EPC_CONTRACTOR"], "equityShare": 40}],
                 "packages": [%s]}
                """.formatted(String.join(",", packages));
    }

    public static String pack(String name, String responsible, String workShare, String raci) {
        return "{\"name\": \"" + name + "\", \"responsible\": \"" + responsible + "\", \"workShare\": " + workShare + ", \"raci\": " + raci + "}";
    }

    public static final String SOUND_PACKAGES_TURBINE = pack("Gas turbine island", "hanbit-enc", "45", "{\"hanbit-enc\": \"R\", \"sakura-shoji\": \"A\"}");
    public static final String SOUND_PACKAGES_REST = pack("Civil and BOP", "hanbit-enc", "55", "{\"hanbit-enc\": \"A\", \"sakura-shoji\": \"I\"}");
}
