package dev.kakehashi.company;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
import dev.kakehashi.platform.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My company's users, for its company admins. */
@Tag(name = "Company administration")
@Path("/company/users")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyUsersResource {

    static final int SEARCH_LENGTH = 100;

    static final Set<String> LOCALES = Set.of("en", "ja", "ko");

    @Schema(name = "CompanyRole", type = SchemaType.STRING, enumeration = {"company-admin", "bid-manager", "contributor", "viewer"})
    interface CompanyRole {
    }

    @Schema(name = "UserInvitationBody")

    public record InvitationBody(@Schema(format = "email", maxLength = ApiTypes.EMAIL_LENGTH) String email, @Schema(maxLength = CompanyUsers.NAME_LENGTH) String firstName, @Schema(maxLength = CompanyUsers.NAME_LENGTH) String lastName, @Schema(type = SchemaType.ARRAY, implementation = CompanyUsersResource.CompanyRole.class, maxItems = 4) List<String> roles, @Schema(enumeration = {"en", "ja", "ko"}) String locale) {
    }

    public record ChangeBody(@Schema(type = SchemaType.ARRAY, implementation = CompanyUsersResource.CompanyRole.class, maxItems = 4) List<String> roles, Boolean enabled) {
    }

    public record CompanyUserView(String id, String email, String firstName, String lastName, boolean enabled, List<String> roles,
                                  boolean emailVerified, String signIn, Instant createdAt) {
        static CompanyUserView of(CompanyUsers.CompanyUser user) {
            return new CompanyUserView(user.id(), user.email(), user.firstName(), user.lastName(), user.enabled(),
                    user.roles().stream().sorted().map(Role::claimValue).toList(), user.emailVerified(),
                    user.signsInWithCorporateSso() ? "CORPORATE_SSO" : user.mustSetPassword() ? "INVITED" : "PASSWORD",
                    user.createdAt() == null ? null : Instant.ofEpochMilli(user.createdAt()));
        }
    }

    @Inject
    CompanyUsers users;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listCompanyUsers", summary = "My company's users", description = "Members of my company's organization, with roles and status. Company admins; `q` searches name and e-mail.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CompanyUserView.class)))
    public Response listUsers(@QueryParam("q") @Parameter(schema = @Schema(maxLength = CompanyUsersResource.SEARCH_LENGTH)) String search, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        Fields fields = new Fields();
        search = fields.text("q", search, false, SEARCH_LENGTH);
        fields.throwIfInvalid();
        List<CompanyUserView> items = users.list(search, request).stream().map(CompanyUserView::of).toList();
        long total = search == null || search.isBlank() ? users.count() : request.offset() + items.size();
        return Paged.ok(items, total, request, uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCompanyUser", summary = "One of my company's users", description = "404 for anyone not in my company. The ETag covers roles and status.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CompanyUserView.class)))
    public Response getUser(@PathParam("id") String id) {
        CompanyUsers.CompanyUser user = users.get(id);
        return Response.ok(CompanyUserView.of(user)).tag(EntityTags.of(user.tag())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "inviteCompanyUser", summary = "Invite a person of my company", description = "At one of my company's e-mail domains; Keycloak e-mails a link to set a password.")
    @RequestBody(content = @Content(schema = @Schema(implementation = InvitationBody.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CompanyUserView.class)))
    public Response inviteUser(String body) {
        CompanyUsers.CompanyUser user = users.invite(invitation(JsonBodies.read(body, InvitationBody.class)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.id()).build())
                .entity(CompanyUserView.of(user)).tag(EntityTags.of(user.tag())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ChangeBody.class)),
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = ChangeBody.class)) })
    @Operation(operationId = "changeCompanyUser", summary = "Set a user's roles, or disable and re-enable it", description = "If-Match required. An admin cannot disable itself or drop its own admin role.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CompanyUserView.class)))
    public Response changeUser(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        ChangeBody request = JsonBodies.read(body, ChangeBody.class);
        Fields fields = new Fields();
        Optional<Set<Role>> roles = request.roles() == null ? Optional.empty() : Optional.of(roles(fields, request.roles(), true, CompanyUsers.COMPANY_ROLES));
        fields.throwIfInvalid();
        CompanyUsers.CompanyUser user = users.change(id, roles, Optional.ofNullable(request.enabled()), IfMatch.of(ifMatch));
        return Response.ok(CompanyUserView.of(user)).tag(EntityTags.of(user.tag())).build();
    }

    /** The invitation a body asks for, or 400 naming each bad field (the users page uses it too). */
    static CompanyUsers.Invitation invitation(InvitationBody request) {
        Fields fields = new Fields();
        String email = fields.email("email", request.email(), true);
        String firstName = fields.text("firstName", request.firstName(), true, CompanyUsers.NAME_LENGTH);
        String lastName = fields.text("lastName", request.lastName(), true, CompanyUsers.NAME_LENGTH);
        Set<Role> roles = roles(fields, request.roles(), true, CompanyUsers.COMPANY_ROLES);
        String locale = fields.text("locale", request.locale(), false, 2);
        if (locale != null && !LOCALES.contains(locale)) {
            fields.reject("locale", "must be one of " + LOCALES);
        }
        fields.throwIfInvalid();
        return new CompanyUsers.Invitation(email, firstName, lastName, roles, locale);
    }

    /** Roles by their claim names, each among {@code allowed}; at least one when required. */
    static Set<Role> roles(Fields fields, List<String> names, boolean required, Set<Role> allowed) {
        String choice = String.join(", ", allowed.stream().map(Role::claimValue).toList());
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        if (names == null || names.isEmpty()) {
            if (required) {
                fields.reject("roles", "needs at least one of " + choice);
            }
            return roles;
        }
        if (names.size() > allowed.size()) {
            fields.reject("roles", "names each of at most " + allowed.size() + " roles once: " + choice);
            return roles;
        }
        for (String name : names) {
            Optional<Role> role = Role.fromClaim(name).filter(allowed::contains);
            if (role.isEmpty()) {
                fields.reject("roles", "must be among " + choice);
            } else {
                roles.add(role.get());
            }
        }
        return roles;
    }
}
