package dev.kakehashi.company;

import dev.kakehashi.consortium.ConsortiumResource.AuditEventView;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My company's administrative trail: onboarding, users, SSO link, ERP clients. */
@Tag(name = "Company administration")
@Path("/company/audit")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyAuditResource {

    @Inject
    CallerContext context;

    @Inject
    AuditTrail audit;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listCompanyAuditEvents", summary = "My company's administrative audit trail", description = "Newest first. Company admins.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEventView.class)))
    public Response companyAuditTrail(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("cursor") String cursor) {
        Company company = context.companyAs(Role.COMPANY_ADMIN);
        PageRequest request = PageRequest.of(page, size, cursor);
        java.util.List<dev.kakehashi.platform.audit.AuditEvent> rows = audit.administrationOf(company.id(), request);
        return Paged.ok(rows.stream().map(AuditEventView::of).toList(), audit.countAdministrationOf(company.id()), request, uriInfo,
                Paged.after(rows, dev.kakehashi.platform.audit.AuditTrail::cursorAfter));
    }
}
