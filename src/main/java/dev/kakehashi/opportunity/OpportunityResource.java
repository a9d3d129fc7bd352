package dev.kakehashi.opportunity;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.Idempotency;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.JsonBodies;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Paged;
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
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Opportunities")
@Path("/opportunities")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    /** Each funding source at most once (checked by {@link Fields#setOf}, tested against the enum). */
    static final int MAX_FUNDING = 8;

    /** The body of POST (all fields) and PATCH (the fields to change, plus stage). */
    public record OpportunityBody(@Schema(maxLength = Opportunity.TITLE_LENGTH) String title, @Schema(implementation = Country.class) String country, @Schema(implementation = Sector.class) String sector, @Schema(maxLength = Opportunity.EMPLOYER_LENGTH) String employer, @Schema(type = SchemaType.ARRAY, implementation = FundingSource.class, maxItems = OpportunityResource.MAX_FUNDING) List<String> funding,
                                  MoneyBody estimatedValue, @Schema(implementation = ProcurementMethod.class) String procurementMethod, @Schema(format = "date-time", maxLength = ApiTypes.DATE_TIME_LENGTH, description = "RFC 3339 with its offset; kept to the second as sent", example = "2027-03-31T17:00:00+07:00") String bidDueAt, @Schema(maxLength = ApiTypes.ZONE_LENGTH, description = "The tender's IANA time zone", example = "Asia/Ho_Chi_Minh") String timeZone, @Schema(implementation = Stage.class) String stage) {
    }

    public record MoneyBody(@Schema(maxLength = Fields.MONEY_DIGITS + 1, pattern = ApiTypes.DECIMAL_PATTERN, description = "A plain decimal string with at most the currency's minor units", example = "1800000000.00") String amount, @Schema(implementation = Currency.class) String currency) {
    }

    @Schema(name = "GoNoGoDecisionBody")
    public record DecisionBody(@Schema(implementation = Decision.class) String decision, @Schema(maxLength = Opportunity.REASONS_LENGTH) String reasons) {
    }

    @Inject
    OpportunityService opportunities;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listOpportunities", summary = "Tenders my company may see", description = "Its own, and those of consortia it is an active member of. Filters: country, sector, stage.")
    @APIResponse(responseCode = "200", description = "A page of opportunities, ordered by bid due date",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = OpportunityView.class)))
    public Response list(@QueryParam("country") @Parameter(schema = @Schema(implementation = Country.class)) String country,
                         @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class)) String sector,
                         @QueryParam("stage") @Parameter(schema = @Schema(implementation = Stage.class)) String stage,
                         @QueryParam("cursor") String cursor,
                         @QueryParam("page") String page, @QueryParam("size") String size) {
        Fields fields = new Fields();
        OpportunityService.Filter filter = new OpportunityService.Filter(fields.oneOf("country", Country.class, country, false),
                fields.oneOf("sector", Sector.class, sector, false), fields.oneOf("stage", Stage.class, stage, false));
        fields.throwIfInvalid();
        PageRequest request = PageRequest.of(page, size, cursor);
        List<Opportunity> rows = opportunities.list(filter, request);
        return Paged.ok(rows.stream().map(this::view).toList(), opportunities.count(filter), request, uriInfo,
                Paged.after(rows, OpportunityService::cursorAfter));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordOpportunity", summary = "Record a tender", description = "Owned by my company and visible only to it until a consortium is formed around it. Bid managers only.")
    @RequestBody(content = @Content(
            schema = @Schema(implementation = OpportunityBody.class)))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors")
    @APIResponse(responseCode = "422", description = "A rule refused it (e.g. the time zone is not the country's)")
    public Response record(@HeaderParam(Idempotency.HEADER) String idempotencyKey, String body) {
        OpportunityBody request = JsonBodies.read(body, OpportunityBody.class);
        return idempotency.create(idempotencyKey, "POST", uriInfo.getPath(), body, () -> {
            Opportunity created = opportunities.record(details(request));
            return new Idempotency.Created(uriInfo.getAbsolutePathBuilder().path(created.id()).build(), view(created), created.id());
        }, opportunities::visible);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOpportunity", summary = "One tender", description = "404 unless my company owns it or is an active member of its consortium.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpportunityView.class)))
    public Response get(@PathParam("id") String id) {
        Opportunity opportunity = opportunities.visible(id);
        return Response.ok(view(opportunity)).tag(EntityTags.of(opportunity.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = OpportunityBody.class)),
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = OpportunityBody.class)) })
    @Operation(operationId = "changeOpportunity", summary = "Change a tender or move its stage", description = "Only the owner's bid managers; honours If-Match. Stages move only along allowed transitions.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "403", description = "Visible, but not yours to change")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "A rule refused it (stage transition, Go decision needed, time zone)")
    public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        Opportunity.Change change = change(JsonBodies.read(body, OpportunityBody.class), JsonBodies.removedMembers(body));
        Opportunity changed = opportunities.change(id, change, IfMatch.of(ifMatch));
        return Response.ok(view(changed)).tag(EntityTags.of(changed.version())).build();
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = DecisionBody.class)))
    @Operation(operationId = "decideOpportunity", summary = "Record the Go/No-Go decision with its reasons", description = "Owner's bid managers; honours If-Match.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpportunityView.class)))
    public Response decide(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        DecisionBody request = JsonBodies.read(body, DecisionBody.class);
        Fields fields = new Fields();
        Decision decision = fields.oneOf("decision", Decision.class, request.decision(), true);
        String reasons = fields.text("reasons", request.reasons(), true, Opportunity.REASONS_LENGTH);
        fields.throwIfInvalid();
        Opportunity decided = opportunities.decide(id, decision, reasons, IfMatch.of(ifMatch));
        return Response.ok(view(decided)).tag(EntityTags.of(decided.version())).build();
    }

    private OpportunityView view(Opportunity opportunity) {
        return OpportunityView.of(opportunity, opportunities.ownerAlias(opportunity));
    }

    /** The details of a new tender: all required. */
    private static Opportunity.Details details(OpportunityBody r) {
        Fields f = new Fields();
        String title = f.text("title", r.title(), true, Opportunity.TITLE_LENGTH);
        Country country = f.oneOf("country", Country.class, r.country(), true);
        Sector sector = f.oneOf("sector", Sector.class, r.sector(), true);
        String employer = f.text("employer", r.employer(), true, Opportunity.EMPLOYER_LENGTH);
        Set<FundingSource> funding = f.setOf("funding", FundingSource.class, r.funding());
        Money value = money(f, r.estimatedValue());
        ProcurementMethod method = f.oneOf("procurementMethod", ProcurementMethod.class, r.procurementMethod(), true);
        OffsetDateTime due = f.dateTime("bidDueAt", r.bidDueAt(), true);
        ZoneId zone = f.zone("timeZone", r.timeZone(), true);
        if (r.stage() != null) {
            f.reject("stage", "a new tender is IDENTIFIED; move it with PATCH");
        }
        f.throwIfInvalid();
        return new Opportunity.Details(title, country, sector, employer, funding, value, method, due.toInstant(), zone);
    }

    /** What a merge patch may remove (null): the others are part of every tender. */
    private static final Set<String> REMOVABLE = Set.of("estimatedValue", "funding");

    /** A change: only the fields sent, each checked as for a new tender; null removes (RFC 7396). */
    private static Opportunity.Change change(OpportunityBody r, Set<String> removed) {
        Fields f = new Fields();
        removed.stream().filter(name -> !REMOVABLE.contains(name))
                .forEach(name -> f.reject(name, "cannot be removed: a tender always has one"));
        String title = f.text("title", r.title(), false, Opportunity.TITLE_LENGTH);
        Country country = f.oneOf("country", Country.class, r.country(), false);
        Sector sector = f.oneOf("sector", Sector.class, r.sector(), false);
        String employer = f.text("employer", r.employer(), false, Opportunity.EMPLOYER_LENGTH);
        Set<FundingSource> funding = removed.contains("funding") ? Set.of()
                : r.funding() == null ? null : f.setOf("funding", FundingSource.class, r.funding());
        Money value = money(f, r.estimatedValue());
        ProcurementMethod method = f.oneOf("procurementMethod", ProcurementMethod.class, r.procurementMethod(), false);
        OffsetDateTime due = f.dateTime("bidDueAt", r.bidDueAt(), false);
        ZoneId zone = f.zone("timeZone", r.timeZone(), false);
        Stage stage = f.oneOf("stage", Stage.class, r.stage(), false);
        f.throwIfInvalid();
        return new Opportunity.Change(title, country, sector, employer, funding, value, method, due == null ? null : due.toInstant(), zone, stage, removed.contains("estimatedValue"));
    }

    private static Money money(Fields f, MoneyBody body) {
        if (body == null) {
            return null;
        }
        Currency currency = f.oneOf("estimatedValue.currency", Currency.class, body.currency(), true);
        BigDecimal amount = f.money("estimatedValue.amount", body.amount(), true, currency == null ? 2 : currency.minorUnits());
        return amount == null || currency == null ? null : new Money(amount, currency);
    }

}
