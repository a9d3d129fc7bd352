package dev.kakehashi.consortium;

import dev.kakehashi.consortium.ConsortiumViews.ConsortiumSummary;
import dev.kakehashi.consortium.ConsortiumViews.InvitationView;
import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Invitations")
@Path("/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    @Inject
    ConsortiumService consortia;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listMyInvitations", summary = "Open invitations to my company", description = "Consortium name, leader, tender title and proposed roles: all an invited company sees before it accepts.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = InvitationView.class)))
    public Response toMe(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        PageRequest request = PageRequest.of(page, size, cursor);
        java.util.List<Membership> rows = consortia.invitationsToMe(request);
        return Paged.ok(rows.stream().map(m -> view(m, consortia)).toList(), consortia.countInvitationsToMe(), request, uriInfo,
                Paged.after(rows, ConsortiumService::cursorAfter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getInvitation", summary = "One invitation", description = "For the invited company and the consortium's leader; ETag for If-Match on accept, decline and withdraw.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    public Response invitation(@PathParam("id") String id) {
        return answer(consortia.invitation(id));
    }

    @POST
    @Path("{id}/accept")
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation to my company", description = "Bid managers or company admins of the invited company. If-Match required.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    public Response accept(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(consortia.accept(id, IfMatch.of(ifMatch)));
    }

    @POST
    @Path("{id}/decline")
    @Operation(operationId = "declineInvitation", summary = "Decline an invitation to my company", description = "If-Match required.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    public Response decline(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(consortia.decline(id, IfMatch.of(ifMatch)));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawInvitation", summary = "Withdraw an open invitation", description = "The leader's bid managers. If-Match required.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(consortia.withdrawInvitation(id, IfMatch.of(ifMatch)));
    }

    private Response answer(Membership invitation) {
        return Response.ok(view(invitation, consortia)).tag(EntityTags.of(invitation.version())).build();
    }

    static InvitationView view(Membership m, ConsortiumService consortia) {
        Consortium c = m.consortium();
        return new InvitationView(m.id(), m.companyAlias(), m.roles().stream().sorted().toList(), m.status(), m.invitedAt(),
                new ConsortiumSummary(c.id(), c.name(), c.code(), consortia.aliasOf(c.leaderCompanyId()), consortia.opportunityTitle(c)),
                m.version());
    }
}
