package dev.kakehashi.company;

import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
import dev.kakehashi.platform.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My company's ERP service-account clients, for its company admins. */
@Tag(name = "Company administration")
@Path("/company/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ErpClientResource {

    @Schema(name = "ErpRole", type = SchemaType.STRING, enumeration = {"bid-manager", "contributor", "viewer"})
    interface ErpRole {
    }

    public record ClientBody(@Schema(maxLength = ErpClient.NAME_LENGTH) String name, @Schema(type = SchemaType.ARRAY, implementation = ErpClientResource.ErpRole.class, maxItems = 3) List<String> roles) {
    }

    /** {@code secret} only in the answer to create and rotate. */
    public record ErpClientView(String id, String clientId, String name, List<String> roles, String status, Instant createdAt,
                                String createdBy, Instant secretRotatedAt, Instant revokedAt, String secret, String tokenUrl, long version) {
    }

    @Inject
    ErpClients clients;

    @Inject
    RealmAdmin realm;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listErpClients", summary = "My company's ERP clients", description = "Active and revoked; never their secrets. Company admins.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ErpClientView.class)))
    public Response listClients(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return Paged.ok(clients.list(request).stream().map(c -> view(c, null)).toList(), clients.count(), request, uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getErpClient", summary = "One of my company's ERP clients", description = "ETag for If-Match on rotate and revoke.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErpClientView.class)))
    public Response getClient(@PathParam("id") String id) {
        ErpClient client = clients.mine(id);
        return Response.ok(view(client, null)).tag(EntityTags.of(client.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createErpClient", summary = "Create an ERP client", description = "A service account acting for my company with the roles given "
            + "(bid-manager, contributor, viewer). The secret is in this answer only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ClientBody.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErpClientView.class)))
    public Response createClient(String body) {
        NewClient request = newClient(JsonBodies.read(body, ClientBody.class));
        ErpClients.WithSecret created = clients.create(request.name(), request.roles());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.client().id()).build())
                .entity(view(created.client(), created.secret())).build();
    }

    @POST
    @Path("{id}/rotate")
    @Operation(operationId = "rotateErpClientSecret", summary = "Rotate the secret", description = "The old secret stops working at once; the new one is in this answer only. If-Match required.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErpClientView.class)))
    public Response rotateSecret(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ErpClients.WithSecret rotated = clients.rotate(id, IfMatch.of(ifMatch));
        return Response.ok(view(rotated.client(), rotated.secret())).tag(EntityTags.of(rotated.client().version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeErpClient", summary = "Revoke the client", description = "Disabled in Keycloak, kept in the list as REVOKED. If-Match required.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeClient(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        clients.revoke(id, IfMatch.of(ifMatch));
        return Response.noContent().build();
    }

    /** What a well-formed body asks for. */
    record NewClient(String name, Set<Role> roles) {
    }

    /** The client a body asks for, or 400 naming each bad field (the clients page uses it too). */
    static NewClient newClient(ClientBody request) {
        Fields fields = new Fields();
        String name = fields.text("name", request.name(), true, ErpClient.NAME_LENGTH);
        Set<Role> roles = CompanyUsersResource.roles(fields, request.roles(), true, ErpClients.ERP_ROLES);
        fields.throwIfInvalid();
        return new NewClient(name, roles);
    }

    private ErpClientView view(ErpClient client, String secret) {
        return new ErpClientView(client.id(), client.clientId(), client.name(), client.roles().stream().sorted().map(Role::claimValue).toList(),
                client.isRevoked() ? "REVOKED" : "ACTIVE", client.createdAt(), client.createdBy(), client.secretRotatedAt(),
                client.revokedAt(), secret, realm.publicUrl() + "/realms/" + realm.realmName() + "/protocol/openid-connect/token",
                client.version());
    }
}
