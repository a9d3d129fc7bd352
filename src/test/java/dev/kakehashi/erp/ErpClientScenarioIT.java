package dev.kakehashi.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kakehashi.erpclient.ApiClient;
import dev.kakehashi.erpclient.ApiException;
import dev.kakehashi.erpclient.ApiResponse;
import dev.kakehashi.erpclient.JSON;
import dev.kakehashi.erpclient.api.ConsortiaApi;
import dev.kakehashi.erpclient.api.DocumentsApi;
import dev.kakehashi.erpclient.api.InvitationsApi;
import dev.kakehashi.erpclient.api.OpportunitiesApi;
import dev.kakehashi.erpclient.model.AllocationBody;
import dev.kakehashi.erpclient.model.AllocationView;
import dev.kakehashi.erpclient.model.ConsortiumInvitationBody;
import dev.kakehashi.erpclient.model.ConsortiumView;
import dev.kakehashi.erpclient.model.Country;
import dev.kakehashi.erpclient.model.Currency;
import dev.kakehashi.erpclient.model.DocumentMetadata;
import dev.kakehashi.erpclient.model.DocumentView;
import dev.kakehashi.erpclient.model.FormBody;
import dev.kakehashi.erpclient.model.FundingSource;
import dev.kakehashi.erpclient.model.InvitationView;
import dev.kakehashi.erpclient.model.MemberBody;
import dev.kakehashi.erpclient.model.MemberRole;
import dev.kakehashi.erpclient.model.MemberStatus;
import dev.kakehashi.erpclient.model.MoneyBody;
import dev.kakehashi.erpclient.model.OpportunityBody;
import dev.kakehashi.erpclient.model.OpportunityView;
import dev.kakehashi.erpclient.model.PackageBody;
import dev.kakehashi.erpclient.model.Problem;
import dev.kakehashi.erpclient.model.ProcurementMethod;
import dev.kakehashi.erpclient.model.Raci;
import dev.kakehashi.erpclient.model.Sector;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ERP team's job, written only against the client OpenAPI Generator made from the contract (the build
 * generates it from the document it lints): if the document and the server disagree, this does not compile
 * or fails here, as it would for them. Each company's ERP client signs in with its own client credentials.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErpClientScenarioIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static ApiClient erpOf(DemoCompany company) {
        ApiClient client = new ApiClient();
        client.setBasePath(TestStack.appUrl());
        client.setBearerToken(Tokens.erp(company));
        return client;
    }

    @Test
    void aLeadersErpFormsAConsortiumThatItsPartnersErpJoinsAndBothWorkOnIt(@TempDir Path files) throws Exception {
        ApiClient sakura = erpOf(DemoCompany.SAKURA_SHOJI);
        ApiClient hanbit = erpOf(DemoCompany.HANBIT_ENC);
        OpportunitiesApi opportunities = new OpportunitiesApi(sakura);

        // A page of tenders, with the paging headers the contract declares
        ApiResponse<List<OpportunityView>> page = opportunities.listOpportunitiesWithHttpInfo(null, null, 0, null, 2, null, null);
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getData()).hasSizeLessThanOrEqualTo(2);
        assertThat(Long.parseLong(header(page, "X-Total-Count"))).isGreaterThanOrEqualTo(page.getData().size());
        assertThat(header(page, "ETag")).isNotBlank();
        assertThat(header(page, "RateLimit-Policy")).contains("q=");

        // A new tender, created once however often the job retries it with the same key
        String key = UUID.randomUUID().toString();
        OpportunityBody tender = new OpportunityBody().title("Long Phu 2 LNG-to-power " + key).country(Country.VN).sector(Sector.POWER)
                .employer("EVN").funding(List.of(FundingSource.JBIC)).estimatedValue(new MoneyBody().amount("1800000000.00").currency(Currency.USD))
                .procurementMethod(ProcurementMethod.SINGLE_STAGE_TWO_ENVELOPE).bidDueAt(OffsetDateTime.parse("2027-03-31T17:00:00+07:00")).timeZone("Asia/Ho_Chi_Minh");
        ApiResponse<OpportunityView> created = opportunities.recordOpportunityWithHttpInfo(tender, key);
        ApiResponse<OpportunityView> replayed = opportunities.recordOpportunityWithHttpInfo(tender, key);
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(header(created, "Location")).endsWith("/opportunities/" + created.getData().getId());
        assertThat(replayed.getData().getId()).isEqualTo(created.getData().getId());
        assertThat(header(replayed, "Idempotent-Replayed")).isEqualTo("true");
        // The due time as sent: to the second, in the tender's zone
        assertThat(created.getData().getBidDueAt()).isEqualTo(OffsetDateTime.parse("2027-03-31T17:00:00+07:00"));
        UUID opportunity = UUID.fromString(created.getData().getId());

        // A consortium around it, and an invitation to the EPC partner
        ConsortiaApi consortia = new ConsortiaApi(sakura);
        String code = "E" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        ConsortiumView consortium = consortia.formConsortium(new FormBody().opportunityId(opportunity).name("Long Phu 2 JV").code(code), null);
        UUID consortiumId = UUID.fromString(consortium.getId());
        InvitationView invitation = consortia.inviteCompany(consortiumId,
                new ConsortiumInvitationBody().company(DemoCompany.HANBIT_ENC.alias()).roles(List.of(MemberRole.EPC_CONTRACTOR)), null);

        // The partner's ERP finds it and accepts, with the version it read
        InvitationsApi partnerInvitations = new InvitationsApi(hanbit);
        ApiResponse<InvitationView> seen = partnerInvitations.getInvitationWithHttpInfo(UUID.fromString(invitation.getId()), null);
        InvitationView accepted = partnerInvitations.acceptInvitation(UUID.fromString(invitation.getId()), header(seen, "ETag"));
        assertThat(accepted.getStatus()).isEqualTo(MemberStatus.ACTIVE);

        // The leader's ERP puts the allocation with If-Match from the ETag it read
        ApiResponse<AllocationView> current = consortia.getAllocationWithHttpInfo(consortiumId, null, null);
        AllocationBody allocation = new AllocationBody()
                .members(List.of(new MemberBody().company("sakura-shoji").roles(List.of(MemberRole.LEADER, MemberRole.SPONSOR)).equityShare(new BigDecimal("60")),
                        new MemberBody().company("hanbit-enc").roles(List.of(MemberRole.EPC_CONTRACTOR)).equityShare(new BigDecimal("40"))))
                .packages(List.of(new PackageBody().name("Gas turbine island").responsible("hanbit-enc").workShare(new BigDecimal("100"))
                        .raci(Map.of("hanbit-enc", Raci.R, "sakura-shoji", Raci.A))));
        ApiResponse<AllocationView> saved = consortia.allocateWorkShareWithHttpInfo(consortiumId, header(current, "ETag"), allocation);
        assertThat(saved.getData().getVersion()).isEqualTo(1);
        assertThat(header(saved, "ETag")).isEqualTo("\"1\"");

        // A stale If-Match is refused with a problem the client reads as a typed object
        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> consortia.allocateWorkShare(consortiumId, header(current, "ETag"), allocation));
        assertThat(stale.getCode()).isEqualTo(412);
        Problem problem = JSON.getGson().fromJson(stale.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo(URI.create("https://kakehashi.dev/problems/stale-etag"));
        assertThat(problem.getStatus()).isEqualTo(412);
        assertThat(stale.getResponseHeaders().get("Content-Type")).anySatisfy(type -> assertThat(type).startsWith("application/problem+json"));

        // Nothing changed since: a conditional GET is answered 304
        ApiException notModified = catchThrowableOfType(ApiException.class,
                () -> consortia.getAllocationWithHttpInfo(consortiumId, null, header(saved, "ETag")));
        assertThat(notModified == null ? 304 : notModified.getCode()).isEqualTo(304);

        // The partner's ERP registers a document (multipart: metadata and file) and downloads it again
        File drawing = files.resolve("gt-island-layout.txt").toFile();
        String content = "ガスタービン建屋 配置図 / 가스터빈 건물 배치도 rev A\n";
        Files.writeString(drawing.toPath(), content, StandardCharsets.UTF_8);
        DocumentsApi documents = new DocumentsApi(hanbit);
        DocumentView registered = documents.registerDocument(consortiumId,
                new DocumentMetadata().title(Map.of("en", "Gas turbine island layout", "ja", "ガスタービン建屋配置図", "ko", "가스터빈 건물 배치도"))
                        .discipline("MEC").type("DWG"), drawing, UUID.randomUUID().toString());
        assertThat(registered.getNumber()).startsWith(code + "-HBT-MEC-DWG-").endsWith("0001");
        assertThat(registered.getRevision()).isEqualTo("A");
        File downloaded = documents.downloadRevision(UUID.fromString(registered.getId()), "A", null, null);
        assertThat(Files.readString(downloaded.toPath(), StandardCharsets.UTF_8)).isEqualTo(content);
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
