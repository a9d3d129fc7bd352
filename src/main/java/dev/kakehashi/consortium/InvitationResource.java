package dev.kakehashi.consortium;

import dev.kakehashi.consortium.ConsortiumViews.ConsortiumSummary;
import dev.kakehashi.consortium.ConsortiumViews.InvitationView;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    @Inject
    ConsortiumService consortia;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Open invitations to my company", description = "Consortium name, leader, tender title and proposed roles: all an invited company sees before it accepts.")
    public Response toMe(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return Paged.ok(consortia.invitationsToMe(request).stream().map(m -> view(m, consortia)).toList(),
                consortia.countInvitationsToMe(), request, uriInfo);
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "Accept an invitation to my company", description = "Bid managers or company admins of the invited company.")
    public InvitationView accept(@PathParam("id") String id) {
        return view(consortia.accept(id), consortia);
    }

    @POST
    @Path("{id}/decline")
    @Operation(summary = "Decline an invitation to my company")
    public InvitationView decline(@PathParam("id") String id) {
        return view(consortia.decline(id), consortia);
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw an open invitation", description = "The leader's bid managers.")
    public InvitationView withdraw(@PathParam("id") String id) {
        return view(consortia.withdrawInvitation(id), consortia);
    }

    static InvitationView view(Membership m, ConsortiumService consortia) {
        Consortium c = m.consortium();
        return new InvitationView(m.id(), m.companyAlias(), m.roles().stream().sorted().toList(), m.status(), m.invitedAt(),
                new ConsortiumSummary(c.id(), c.name(), c.code(), consortia.aliasOf(c.leaderCompanyId()), consortia.opportunityTitle(c)));
    }
}
