package dev.kakehashi.company;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My company's corporate identity provider link, for its company admins. */
@Tag(name = "Company administration")
@Path("/company/sso")
@Produces(MediaType.APPLICATION_JSON)
public class CorporateSsoResource {

    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");

    public record SsoBody(@Schema(implementation = CorporateSso.Protocol.class) String protocol, @Schema(maxLength = CorporateSso.DISPLAY_NAME_LENGTH) String displayName, @Schema(format = "uri", maxLength = CorporateSso.URL_LENGTH) String discoveryUrl, @Schema(maxLength = CorporateSso.CLIENT_ID_LENGTH) String clientId, @Schema(maxLength = CorporateSso.CLIENT_SECRET_LENGTH, format = "password") String clientSecret,
                          @Schema(format = "uri", maxLength = CorporateSso.URL_LENGTH) String metadataUrl, @Schema(maxLength = CorporateSso.METADATA_XML_LENGTH) String metadataXml, @Schema(type = SchemaType.ARRAY, implementation = ApiTypes.DomainName.class, maxItems = OnboardingResource.MAX_DOMAINS) List<String> domains, Boolean redirectWhenEmailMatches,
                          @Schema(implementation = CompanyUsersResource.CompanyRole.class) String defaultRole, Boolean enabled) {
    }

    @Inject
    CorporateSso sso;

    @GET
    @Operation(operationId = "getSsoLink", summary = "My company's identity provider link", description = "404 when none is linked. The client secret is never shown. "
            + "`redirectUri` is what to register at the identity provider.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CorporateSso.Linked.class)))
    public Response getSsoLink() {
        CorporateSso.Linked linked = sso.current().orElseThrow(() -> ProblemException.notFound("SSO link"));
        return Response.ok(linked).tag(EntityTags.of(linked.tag())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @dev.kakehashi.platform.api.LargeBody(maxBytesProperty = "kakehashi.sso.max-metadata-bytes", defaultMaxBytes = CorporateSso.METADATA_XML_LENGTH)
    @Operation(operationId = "linkSso", summary = "Link or change my company's identity provider", description = "OIDC (discoveryUrl, clientId, clientSecret) or SAML "
            + "(metadataUrl or metadataXml); domains must be the company's own; people arriving through it get defaultRole. "
            + "If-Match required to change an existing link.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SsoBody.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CorporateSso.Linked.class)))
    public Response linkSso(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        CorporateSso.Linked linked = sso.link(link(JsonBodies.read(body, SsoBody.class)), dev.kakehashi.platform.api.IfMatch.of(ifMatch));
        return Response.ok(linked).tag(EntityTags.of(linked.tag())).build();
    }

    /** The link a body asks for, or 400 naming each bad field (the SSO page uses it too). */
    static CorporateSso.Link link(SsoBody request) {
        Fields fields = new Fields();
        CorporateSso.Protocol protocol = fields.oneOf("protocol", CorporateSso.Protocol.class, request.protocol(), true);
        String displayName = fields.text("displayName", request.displayName(), true, CorporateSso.DISPLAY_NAME_LENGTH);
        String discoveryUrl = null;
        String clientId = null;
        String clientSecret = null;
        String metadataUrl = null;
        String metadataXml = null;
        if (protocol == CorporateSso.Protocol.OIDC) {
            discoveryUrl = fields.matching("discoveryUrl", request.discoveryUrl(), true, HTTP_URL, "must be the provider's "
                    + ".well-known/openid-configuration URL");
            clientId = fields.text("clientId", request.clientId(), true, CorporateSso.CLIENT_ID_LENGTH);
            clientSecret = fields.text("clientSecret", request.clientSecret(), false, CorporateSso.CLIENT_SECRET_LENGTH);
        } else if (protocol == CorporateSso.Protocol.SAML) {
            metadataUrl = fields.matching("metadataUrl", request.metadataUrl(), false, HTTP_URL, "must be an http(s) URL");
            if (request.metadataXml() != null && request.metadataXml().length() > CorporateSso.METADATA_XML_LENGTH) {
                fields.reject("metadataXml", "must be at most 1 MB");
            } else if (request.metadataXml() != null && !request.metadataXml().isBlank()) {
                metadataXml = request.metadataXml();
            }
            if ((metadataUrl == null) == (metadataXml == null)) {
                fields.reject("metadataUrl", "give either metadataUrl or metadataXml");
            }
        }
        Set<String> domains = new LinkedHashSet<>();
        if (request.domains() != null && request.domains().size() > OnboardingResource.MAX_DOMAINS) {
            fields.reject("domains", "names at most " + OnboardingResource.MAX_DOMAINS + " domains");
        } else if (request.domains() != null) {
            for (int i = 0; i < request.domains().size(); i++) {
                String domain = fields.domain("domains[" + i + "]", request.domains().get(i), true);
                if (domain != null) {
                    domains.add(domain);
                }
            }
        }
        Role defaultRole = Role.fromClaim(request.defaultRole() == null ? "viewer" : request.defaultRole())
                .filter(r -> r != Role.COMPANY_ADMIN && r != Role.PLATFORM_OPERATOR)
                .orElse(null);
        if (defaultRole == null) {
            fields.reject("defaultRole", "must be bid-manager, contributor or viewer");
        }
        fields.throwIfInvalid();
        return new CorporateSso.Link(protocol, displayName, discoveryUrl, clientId, clientSecret, metadataUrl,
                metadataXml, domains, !Boolean.FALSE.equals(request.redirectWhenEmailMatches()), defaultRole,
                !Boolean.FALSE.equals(request.enabled()));
    }
}
