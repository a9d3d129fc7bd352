package dev.kakehashi.company;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform operator's onboarding: companies and their status, never their data. */
@Tag(name = "Platform operation")
@Path("/admin/companies")
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    static final int MAX_DOMAINS = 20;

    @Schema(name = "CompanyNameText", type = SchemaType.STRING, maxLength = Company.NAME_LENGTH)
    interface NameText {
    }

    static final Pattern ALIAS = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    static final Pattern CODE = Pattern.compile("[A-Z]{2,6}");
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    static final Set<String> NAME_LANGUAGES = Set.of("en", "ja", "ko", "vi", "id", "hi");

    public record CompanyBody(@Schema(maxLength = ApiTypes.ALIAS_LENGTH, pattern = ApiTypes.ALIAS_PATTERN) String alias, @Schema(additionalProperties = OnboardingResource.NameText.class, maxProperties = 3, description = "The company's name by language (en required, ja, ko)") Map<String, String> name, @Schema(implementation = CompanyKind.class) String kind, @Schema(maxLength = 2, pattern = "^[A-Z]{2}$", description = "ISO 3166-1 alpha-2") String country, @Schema(maxLength = 6, pattern = "^[A-Z]{2,6}$") String code, @Schema(type = SchemaType.ARRAY, implementation = ApiTypes.DomainName.class, maxItems = OnboardingResource.MAX_DOMAINS) List<String> domains,
                              @Schema(format = "email", maxLength = ApiTypes.EMAIL_LENGTH) String adminEmail) {
    }

    /** A company as the operator sees it: who it is and whether its people have started, nothing of its data. */
    public record OnboardedCompanyView(String id, String alias, Map<String, String> name, CompanyKind kind, String country,
                                       String code, Set<String> domains, CompanyStatus status, Instant onboardedAt,
                                       Boolean invitationSent) {
    }

    /** ONBOARDING until the first of its people signs in, then ACTIVE. */
    public enum CompanyStatus { ONBOARDING, ACTIVE }

    @Inject
    Onboarding onboarding;

    @Inject
    CompanyDirectory companies;

    @Inject
    CallerContext context;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listCompanies", summary = "Onboarded companies and their status", description = "Platform operator only.")
    public List<OnboardedCompanyView> listCompanies() {
        context.requireOperator();
        return companies.all().stream().map(c -> view(c, null)).toList();
    }

    @GET
    @Path("{alias}")
    @Operation(operationId = "getCompany", summary = "One onboarded company", description = "Platform operator only.")
    public OnboardedCompanyView getCompany(@PathParam("alias") String alias) {
        context.requireOperator();
        return view(companies.byAlias(alias).orElseThrow(() -> ProblemException.notFound("Company")), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "onboardCompany", summary = "Onboard a company", description = "Creates its Keycloak Organization with its domains, the company, and its "
            + "first company admin, who gets an e-mail to set a password. Repeating the same request answers 200 with the same company; "
            + "a failure half-way leaves nothing behind. Platform operator only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CompanyBody.class)))
    @APIResponse(responseCode = "201", description = "Onboarded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OnboardedCompanyView.class)))
    @APIResponse(responseCode = "200", description = "Already onboarded by the same request",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OnboardedCompanyView.class)))
    @APIResponse(responseCode = "409", description = "The alias, a domain or the admin's e-mail is taken")
    public Response onboardCompany(String body) {
        context.requireOperator();
        Onboarding.Onboarded result = onboarding.onboard(application(JsonBodies.read(body, CompanyBody.class)));
        OnboardedCompanyView view = view(result.company(), result.invitationSent());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(view.alias()).build()).entity(view).build();
    }

    /** The application a body describes, or 400 naming each bad field (the onboarding page uses it too). */
    static Onboarding.Application application(CompanyBody body) {
        Fields fields = new Fields();
        String alias = fields.matching("alias", body.alias(), true, ALIAS,
                "must be lower-case letters, digits and hyphens, such as mirae-epc");
        Map<String, String> names = new LinkedHashMap<>();
        if (body.name() == null || body.name().get("en") == null) {
            fields.reject("name", "needs at least the English name, as {\"en\": \"…\"}");
        } else {
            body.name().forEach((language, name) -> {
                if (!NAME_LANGUAGES.contains(language)) {
                    fields.reject("name." + language, "must be one of the languages " + NAME_LANGUAGES);
                } else {
                    String text = fields.text("name." + language, name, true, Company.NAME_LENGTH);
                    if (text != null) {
                        names.put(language, text);
                    }
                }
            });
        }
        CompanyKind kind = fields.oneOf("kind", CompanyKind.class, body.kind(), true);
        String country = fields.text("country", body.country(), true, 2);
        if (country != null && !COUNTRIES.contains(country)) {
            fields.reject("country", "must be an ISO 3166 country code such as JP or KR");
        }
        String code = fields.matching("code", body.code(), false, CODE, "must be 2 to 6 capital letters, such as MRE");
        Set<String> domains = new LinkedHashSet<>();
        if (body.domains() == null || body.domains().isEmpty()) {
            fields.reject("domains", "needs at least one e-mail domain");
        } else if (body.domains().size() > MAX_DOMAINS) {
            fields.reject("domains", "may list at most 20 domains");
        } else {
            for (int i = 0; i < body.domains().size(); i++) {
                String domain = fields.domain("domains[" + i + "]", body.domains().get(i), true);
                if (domain != null) {
                    domains.add(domain);
                }
            }
        }
        String adminEmail = fields.email("adminEmail", body.adminEmail(), true);
        if (adminEmail != null && !domains.isEmpty() && !domains.contains(adminEmail.substring(adminEmail.lastIndexOf('@') + 1))) {
            fields.reject("adminEmail", "must be at one of the company's domains");
        }
        fields.throwIfInvalid();
        return new Onboarding.Application(alias, names, kind, country, code, domains, adminEmail);
    }

    private OnboardedCompanyView view(Company company, Boolean invitationSent) {
        return new OnboardedCompanyView(company.id(), company.alias(), company.names(), company.kind(), company.country(),
                company.numberingCode(), company.domains(), companies.hasSignedInPeople(company) ? CompanyStatus.ACTIVE : CompanyStatus.ONBOARDING,
                company.createdAt(), invitationSent);
    }
}
