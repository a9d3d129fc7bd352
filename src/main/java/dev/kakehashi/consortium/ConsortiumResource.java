package dev.kakehashi.consortium;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.consortium.ConsortiumViews.AllocationView;
import dev.kakehashi.consortium.ConsortiumViews.ConsortiumView;
import dev.kakehashi.consortium.ConsortiumViews.InvitationView;
import dev.kakehashi.consortium.ConsortiumViews.MemberView;
import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.Idempotency;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import dev.kakehashi.platform.audit.AuditEvent;
import dev.kakehashi.platform.audit.AuditTrail;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Consortia")
@Path("/consortia")
@Produces(MediaType.APPLICATION_JSON)
public class ConsortiumResource {

    static final int MAX_ROLES = 7;

    public record FormBody(@Schema(format = "uuid", maxLength = ApiTypes.ID_LENGTH) String opportunityId, @Schema(maxLength = Consortium.NAME_LENGTH) String name, @Schema(maxLength = Consortium.CODE_LENGTH) String code) {
    }

    @Schema(name = "ConsortiumInvitationBody")
    public record InvitationBody(@Schema(implementation = ApiTypes.CompanyAlias.class) String company, @Schema(type = SchemaType.ARRAY, implementation = MemberRole.class, maxItems = ConsortiumResource.MAX_ROLES) List<String> roles) {
    }

    public record AgreementBody(@Schema(implementation = AgreementStatus.class) String agreementStatus) {
    }

    public record AllocationBody(@Schema(maxItems = ConsortiumResource.MAX_MEMBERS) List<MemberBody> members, @Schema(maxItems = ConsortiumResource.MAX_PACKAGES) List<PackageBody> packages) {
    }

    public record MemberBody(@Schema(implementation = ApiTypes.CompanyAlias.class) String company, @Schema(type = SchemaType.ARRAY, implementation = MemberRole.class, maxItems = ConsortiumResource.MAX_ROLES) List<String> roles, @Schema(minimum = "0", maximum = "100", description = "Percent, at most 4 decimals") BigDecimal equityShare) {
    }

    public record PackageBody(@Schema(maxLength = Allocation.PACKAGE_NAME_LENGTH) String name, @Schema(implementation = ApiTypes.CompanyAlias.class) String responsible, @Schema(minimum = "0", maximum = "100", description = "Percent, at most 4 decimals") BigDecimal workShare, @Schema(additionalProperties = Raci.class, maxProperties = ConsortiumResource.MAX_MEMBERS, description = "R, A, C or I by member alias") Map<String, String> raci) {
    }

    public record AuditEventView(String id, Instant at, String company, String actor, String action, String subjectType, String subjectId,
                                 String summary) {
        public static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id(), e.occurredAt(), e.companyAlias(), e.actorName(), e.action(), e.subjectType(), e.subjectId(), e.summary());
        }
    }

    @Inject
    ConsortiumService consortia;

    @Inject
    AuditTrail audit;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listConsortia", summary = "Consortia my company is an active member of", description = "Paged; X-Total-Count and Link say how many and where the next page is.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ConsortiumView.class)))
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.of(page, size, cursor);
        List<Consortium> rows = consortia.mine(request);
        return Paged.ok(rows.stream().map(this::view).toList(), consortia.countMine(), request, uriInfo, Paged.after(rows, ConsortiumService::cursorAfter));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = FormBody.class)))
    @Operation(operationId = "formConsortium", summary = "Form a consortium around one of my company's tenders", description = "My company becomes leader and first active member. Bid managers only; honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Formed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsortiumView.class)))
    @APIResponse(responseCode = "404", description = "No such tender that my company may see")
    @APIResponse(responseCode = "422", description = "A rule refused it: code format, one consortium per tender, tender closed")
    public Response form(@HeaderParam(Idempotency.HEADER) String idempotencyKey, String body) {
        FormBody request = JsonBodies.read(body, FormBody.class);
        Fields fields = new Fields();
        String opportunityId = fields.text("opportunityId", request.opportunityId(), true, 36);
        String name = fields.text("name", request.name(), true, Consortium.NAME_LENGTH);
        String code = fields.text("code", request.code(), true, Consortium.CODE_LENGTH);
        fields.throwIfInvalid();
        return idempotency.create(idempotencyKey, "POST", uriInfo.getPath(), body, () -> {
            Consortium formed = consortia.form(opportunityId, name, code);
            return new Idempotency.Created(uriInfo.getAbsolutePathBuilder().path(formed.id()).build(), view(formed), formed.id());
        }, consortia::visible);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getConsortium", summary = "One consortium", description = "404 unless my company is an active member.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsortiumView.class)))
    public Response get(@PathParam("id") String id) {
        Consortium consortium = consortia.visible(id);
        return Response.ok(view(consortium)).tag(EntityTags.of(consortium.version())).build();
    }

    @GET
    @Path("{id}/members")
    @Operation(operationId = "listMembers", summary = "Members and invitations of a consortium, with their roles and status", description = "Every member and invitation, active or not, with the version each withdrawal needs as If-Match.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = MemberView.class)))
    public Response members(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        List<Membership> all = consortia.visible(id).members();
        List<MemberView> items = all.stream().skip(request.offset()).limit(request.size()).map(MemberView::of).toList();
        return Paged.ok(items, all.size(), request, uriInfo);
    }

    @POST
    @Path("{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = InvitationBody.class)))
    @Operation(operationId = "inviteCompany", summary = "Invite a company, by its alias, with proposed roles", description = "The leader's bid managers; honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Invited",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "403", description = "A member, but not the leader's bid manager")
    @APIResponse(responseCode = "422", description = "Unknown company, already invited or member, or LEADER proposed")
    public Response invite(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String idempotencyKey, String body) {
        InvitationBody request = JsonBodies.read(body, InvitationBody.class);
        Fields fields = new Fields();
        String company = fields.text("company", request.company(), true, 63);
        Set<MemberRole> roles = fields.setOf("roles", MemberRole.class, request.roles());
        fields.throwIfInvalid();
        return idempotency.create(idempotencyKey, "POST", uriInfo.getPath(), body, () -> {
            Membership invitation = consortia.invite(id, company, roles);
            return new Idempotency.Created(uriInfo.getBaseUriBuilder().path("invitations").path(invitation.id()).build(),
                    InvitationResource.view(invitation, consortia), invitation.id());
        }, consortia::invitation);
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawFromConsortium", summary = "My company withdraws from the consortium", description = "Not the leader. Bid managers. If-Match: the version of my membership (in the members list).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Membership mine = consortia.withdraw(id, IfMatch.of(ifMatch));
        return Response.ok(MemberView.of(mine)).tag(EntityTags.of(mine.version())).build();
    }

    @POST
    @Path("{id}/agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = AgreementBody.class)))
    @Operation(operationId = "advanceAgreement", summary = "Advance the agreement: MOU → TEAMING_AGREEMENT → CONSORTIUM_AGREEMENT_SIGNED", description = "The leader's bid managers; honours If-Match.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsortiumView.class)))
    public Response advanceAgreement(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        AgreementBody request = JsonBodies.read(body, AgreementBody.class);
        Fields fields = new Fields();
        AgreementStatus status = fields.oneOf("agreementStatus", AgreementStatus.class, request.agreementStatus(), true);
        fields.throwIfInvalid();
        Consortium consortium = consortia.advanceAgreement(id, status, IfMatch.of(ifMatch));
        return Response.ok(view(consortium)).tag(EntityTags.of(consortium.version())).build();
    }

    @GET
    @Path("{id}/allocation")
    @Operation(operationId = "getAllocation", summary = "The role allocation: roles, equity, scope packages, RACI", description = "?version=N returns an earlier version. ETag is the version.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllocationView.class)))
    public Response allocation(@PathParam("id") String id, @QueryParam("version") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "2147483647")) String version) {
        ConsortiumService.CurrentAllocation current = consortia.allocation(id, allocationVersion(version));
        return Response.ok(AllocationView.of(current)).tag(EntityTags.of(current.version())).build();
    }

    @PUT
    @Path("{id}/allocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = AllocationBody.class)))
    @Operation(operationId = "allocateWorkShare", summary = "Replace the allocation with a new version", description = "The leader's bid managers. If-Match is required (the version read). Every broken rule is named in errors.")
    @APIResponse(responseCode = "200", description = "Saved as the next version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "Rules broken; errors name each rule and item")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response allocate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        Allocation allocation = allocation(JsonBodies.read(body, AllocationBody.class));
        ConsortiumService.CurrentAllocation saved = consortia.allocate(id, allocation, IfMatch.of(ifMatch));
        return Response.ok(AllocationView.of(saved)).tag(EntityTags.of(saved.version())).build();
    }

    @GET
    @Path("{id}/audit")
    @Operation(operationId = "listConsortiumAuditEvents", summary = "The consortium's audit trail, newest first", description = "Active members only.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEventView.class)))
    public Response audit(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size,
                          @QueryParam("cursor") String cursor) {
        consortia.visible(id);
        PageRequest request = PageRequest.of(page, size, cursor);
        List<AuditEvent> rows = audit.ofConsortium(id, request);
        return Paged.ok(rows.stream().map(AuditEventView::of).toList(), audit.countOfConsortium(id), request, uriInfo,
                Paged.after(rows, AuditTrail::cursorAfter));
    }

    private ConsortiumView view(Consortium c) {
        return new ConsortiumView(c.id(), c.opportunityId(), consortia.opportunityTitle(c), c.name(), c.code(),
                consortia.aliasOf(c.leaderCompanyId()), c.agreementStatus(), c.createdAt(), c.version());
    }

    /** {@code ?version=N}: a whole number from 0, else 400. */
    private static Integer allocationVersion(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        if (!version.strip().matches("\\d{1,9}")) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "version must be a whole number from 0");
        }
        return Integer.valueOf(version.strip());
    }

    /** Bounds of an allocation document, far above any real consortium. */
    static final int MAX_MEMBERS = 50;
    static final int MAX_PACKAGES = 200;

    static Allocation allocation(AllocationBody body) {
        Fields fields = new Fields();
        List<Allocation.MemberShare> members = new ArrayList<>();
        List<MemberBody> memberBodies = body.members() == null ? List.of() : body.members();
        List<PackageBody> packageBodies = body.packages() == null ? List.of() : body.packages();
        if (memberBodies.size() > MAX_MEMBERS || packageBodies.size() > MAX_PACKAGES) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "An allocation has at most " + MAX_MEMBERS + " members and "
                    + MAX_PACKAGES + " packages");
        }
        for (int i = 0; i < memberBodies.size(); i++) {
            MemberBody m = memberBodies.get(i);
            if (m == null) {
                fields.reject("members[" + i + "]", "is required");
                continue;
            }
            String company = fields.text("members[" + i + "].company", m.company(), true, 63);
            members.add(new Allocation.MemberShare(company, fields.setOf("members[" + i + "].roles", MemberRole.class, m.roles()), m.equityShare()));
        }
        List<Allocation.ScopePackage> packages = new ArrayList<>();
        for (int i = 0; i < packageBodies.size(); i++) {
            PackageBody p = packageBodies.get(i);
            if (p == null) {
                fields.reject("packages[" + i + "]", "is required");
                continue;
            }
            fields.text("packages[" + i + "].name", p.name(), false, Allocation.PACKAGE_NAME_LENGTH);
            fields.text("packages[" + i + "].responsible", p.responsible(), false, 63);
            Map<String, Raci> raci = new LinkedHashMap<>();
            if (p.raci() != null && p.raci().size() > MAX_MEMBERS) {
                fields.reject("packages[" + i + "].raci", "names at most " + MAX_MEMBERS + " members");
            } else if (p.raci() != null) {
                String at = "packages[" + i + "].raci.";
                p.raci().forEach((party, letter) -> {
                    Raci value = fields.oneOf(at + party, Raci.class, letter, true);
                    if (value != null) {
                        raci.put(party, value);
                    }
                });
            }
            packages.add(new Allocation.ScopePackage(p.name(), p.responsible(), p.workShare(), raci));
        }
        fields.throwIfInvalid();
        return new Allocation(members, packages);
    }
}
