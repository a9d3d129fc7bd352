package dev.kakehashi.platform.api;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API for ERP integration, under /api/v1; its OpenAPI document is served at /openapi. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Kakehashi API", version = "1",
                description = "Consortium bidding for Japanese trading houses and Korean EPC contractors. "
                        + "Every call needs a bearer token of realm kakehashi; the caller's company comes from the token. "
                        + "Errors are RFC 9457 application/problem+json. Lists take page (from 0) and size (1..200, default 20) "
                        + "and answer X-Total-Count and Link (next, prev). Changes of shared resources require If-Match "
                        + "(428 without it, 412 when stale); creates honour Idempotency-Key (422 when reused with another body).",
                license = @License(name = "Proprietary", url = "https://kakehashi.dev/terms"),
                contact = @Contact(name = "Kakehashi integration support", email = "integration@kakehashi.dev", url = "https://kakehashi.dev/support")),
        servers = {
                @Server(url = "/", description = "This installation: production, staging or a local run, whichever serves this document",
                        extensions = @Extension(name = "x-internal", value = "false", parseValue = true)) },
        tags = {
                @Tag(name = "Opportunities", description = "Tenders a company pursues, from identification to the Go/No-Go decision"),
                @Tag(name = "Consortia", description = "Consortia formed around a tender: members, agreement, roles and work-share"),
                @Tag(name = "Invitations", description = "Invitations to join a consortium, as the invited company sees them"),
                @Tag(name = "Documents", description = "The document register: documents, revisions, their files and reviews"),
                @Tag(name = "Reviews", description = "Reviews of a revision: serial steps, parallel reviewers, decisions"),
                @Tag(name = "Prices", description = "Sealed price contributions: each member's own, and who has sealed"),
                @Tag(name = "Transmittals", description = "Revisions sent to other members, and their acknowledgement"),
                @Tag(name = "Me", description = "The caller: who it is, its preferences and its tasks"),
                @Tag(name = "Company administration", description = "A company admin's users, ERP clients, SSO link and audit trail"),
                @Tag(name = "Platform operation", description = "The platform operator's onboarding of companies") },
        security = { @SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "erpClient") })
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token of realm kakehashi (a person's, or an ERP client's). Handled as RFC8725 recommends: "
                + "RS256 only, issuer, audience (kakehashi-api) and expiry checked; tokens live minutes.")
@SecurityScheme(securitySchemeName = "erpClient", type = SecuritySchemeType.OAUTH2,
        description = "An ERP client (company admin: POST /company/clients) takes its token by client credentials from Keycloak; "
                + "the token URL shown is a local run's, an installation's is <issuer>/protocol/openid-connect/token. "
                + "Tokens are short-lived JWTs handled as RFC8725 recommends (RS256 only; issuer, audience and expiry checked): take a new one when it expires.",
        flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = "http://localhost:8180/realms/kakehashi/protocol/openid-connect/token",
                refreshUrl = "http://localhost:8180/realms/kakehashi/protocol/openid-connect/token")))
public class KakehashiApi extends Application {
}
