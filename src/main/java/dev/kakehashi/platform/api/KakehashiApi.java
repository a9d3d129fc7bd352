package dev.kakehashi.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API for ERP integration, under /api/v1; its OpenAPI document is served at /openapi. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Kakehashi API", version = "1",
                description = "Consortium bidding for Japanese trading houses and Korean EPC contractors. "
                        + "Every call needs a bearer token of realm kakehashi; the caller's company comes from the token. "
                        + "Errors are RFC 9457 application/problem+json. Lists take page (from 0) and size (1..200, default 20) "
                        + "and answer X-Total-Count and Link (next, prev). Changes honour If-Match (412 when stale); "
                        + "creates honour Idempotency-Key (422 when reused with another body)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class KakehashiApi extends Application {
}
