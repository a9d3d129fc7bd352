package dev.kakehashi.company;

import dev.kakehashi.platform.security.Caller;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Tag(name = "Me")
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The caller's company as the API shows it. */
    public record CompanyView(String alias, Map<String, String> name, CompanyKind kind, String country) {
        static CompanyView of(Company company) {
            return new CompanyView(company.alias(), company.names(), company.kind(), company.country());
        }
    }

    public record Me(String id, String username, String name, String email, boolean serviceAccount, CompanyView company,
                     List<String> roles) {
    }

    @Inject
    CallerContext context;

    @GET
    @Operation(operationId = "getMe", summary = "Who am I", description = "The signed-in user or service account, its company and its roles, as the token says.")
    @APIResponse(responseCode = "200", description = "The caller; company is null for the platform operator")
    @APIResponse(responseCode = "401", description = "No token, or an invalid, expired or forged one")
    @APIResponse(responseCode = "403", description = "The token names no company, or one that is not onboarded")
    public Me me() {
        Caller caller = context.caller();
        return new Me(caller.userId(), caller.username(), caller.name(), caller.email(), caller.serviceAccount(),
                caller.isOperator() ? null : CompanyView.of(context.company()),
                caller.roles().stream().sorted().map(Role::claimValue).toList());
    }
}
