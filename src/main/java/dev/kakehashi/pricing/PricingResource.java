package dev.kakehashi.pricing;

import dev.kakehashi.consortium.Allocation;
import dev.kakehashi.opportunity.Currency;
import dev.kakehashi.platform.api.ApiTypes;
import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.Fields;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.JsonBodies;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Prices")
@Path("/consortia/{id}/prices")
@Produces(MediaType.APPLICATION_JSON)
public class PricingResource {

    @Schema(name = "PriceLineBody")
    public record LineBody(@JsonbProperty("package") @Schema(name = "package", maxLength = Allocation.PACKAGE_NAME_LENGTH,
                                   description = "A scope package of the current allocation my company is responsible for") String scopePackage,
                           @Schema(maxLength = Fields.MONEY_DIGITS + 1, pattern = ApiTypes.DECIMAL_PATTERN, example = "612000000.00") String amount,
                           @Schema(implementation = Currency.class) String currency,
                           @Schema(maxLength = Contribution.NOTE_LENGTH) String note) {
    }

    @Schema(name = "PriceContributionBody")
    public record ContributionBody(@Schema(maxItems = Contribution.MAX_LINES) List<LineBody> lines,
                                   @Schema(format = "date", maxLength = 10, example = "2027-06-30") String validUntil) {
    }

    @Schema(name = "PriceLineView")
    public record LineView(@JsonbProperty("package") @Schema(name = "package") String scopePackage, String amount, Currency currency, String note) {
    }

    @Schema(name = "MyPriceContributionView")
    public record MineView(List<LineView> lines, @Schema(format = "date") String validUntil, int version, boolean sealed, Instant sealedAt,
                           @Schema(description = "SHA-256 (hex) of the canonical contribution and the salt, while sealed") String commitment,
                           @Schema(description = "The packages of the current allocation my company is responsible for") List<String> myPackages,
                           Instant savedAt, String savedBy) {
        static MineView of(PricingService.Mine mine) {
            Contribution c = mine.contribution();
            return new MineView(c.lines().stream().map(l -> new LineView(l.scopePackage(),
                    Contribution.amountText(l.amount(), l.currency()), l.currency(), l.note())).toList(),
                    c.validUntil() == null ? null : c.validUntil().toString(), mine.version(), mine.sealed(), mine.sealedAt(), mine.commitment(),
                    mine.myPackages(), mine.savedAt(), mine.savedBy());
        }
    }

    @Schema(name = "PriceStatusView")
    public record StatusView(String company, boolean sealed, Instant sealedAt, String commitment, int version) {
    }

    @Schema(name = "ExchangeRate", type = SchemaType.STRING, maxLength = 30, pattern = ApiTypes.DECIMAL_PATTERN,
            description = "Units of the bid currency per unit of this currency, e.g. 0.00671 for JPY into USD")
    interface Rate {
    }

    @Schema(name = "PriceOpeningBody")
    public record OpeningBody(@Schema(format = "date-time", maxLength = ApiTypes.DATE_TIME_LENGTH, example = "2027-03-30T10:00:00+07:00") String opensAt,
                              @Schema(implementation = Currency.class) String bidCurrency,
                              @Schema(additionalProperties = Rate.class, maxProperties = 10, description = "By ISO 4217 code, e.g. {\"JPY\": \"0.00671\"}")
                              java.util.Map<String, String> rates,
                              @Schema(format = "date", maxLength = 10) String ratesAsOf,
                              @Schema(maxLength = PriceOpening.SOURCE_LENGTH) String ratesSource) {
    }

    @Schema(name = "PriceOpeningView")
    public record OpeningView(Instant opensAt, @Schema(description = "opensAt in the tender's own zone") String opensAtInTenderZone, String tenderTimeZone,
                              Currency bidCurrency, java.util.Map<String, String> rates, @Schema(format = "date") String ratesAsOf, String ratesSource,
                              boolean opened, Instant setAt, String setBy) {
    }

    @Schema(name = "OpenedContributionView")
    public record OpenedView(String company, int version, Instant sealedAt, String commitment,
                             @Schema(description = "The seal's salt (hex): commitment = SHA-256(canonical + salt)") String salt,
                             @Schema(description = "The canonical form the commitment was taken over") String canonical, List<LineView> lines) {
    }

    @Schema(name = "ConsolidatedLineView")
    public record ConsolidatedLineView(@JsonbProperty("package") @Schema(name = "package") String scopePackage, String company, String amount, Currency currency,
                                       String rate, String inBidCurrency) {
    }

    @Schema(name = "OpenedPricesView")
    public record OpenedPricesView(Currency bidCurrency, java.util.Map<String, String> rates, @Schema(format = "date") String ratesAsOf, String ratesSource,
                                   List<ConsolidatedLineView> lines, String total, List<String> unpricedPackages, List<String> unsealedCompanies,
                                   List<Currency> missingRates, List<OpenedView> contributions) {
    }

    @Inject
    PricingService pricing;

    @Inject
    dev.kakehashi.consortium.ConsortiumService consortia;

    @GET
    @Path("opening")
    @Operation(operationId = "getPriceOpening", summary = "When the sealed prices open, the bid currency and the rates",
            description = "Every active member sees it, with opensAt in the tender's zone. 404 until the leader sets it. Carries the ETag for If-Match.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpeningView.class)))
    public Response opening(@PathParam("id") String consortiumId) {
        return answer(consortiumId, pricing.opening(consortiumId).orElseThrow(() -> dev.kakehashi.platform.api.ProblemException.notFound("Price opening")));
    }

    @PUT
    @Path("opening")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OpeningBody.class)))
    @Operation(operationId = "setPriceOpening", summary = "Set or move the price opening",
            description = "The leader's bid managers; If-Match (\"0\" before the first). To a time to come only, and not once it has passed.")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpeningView.class)))
    public Response setOpening(@PathParam("id") String consortiumId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return answer(consortiumId, pricing.setOpening(consortiumId, openingChange(JsonBodies.read(body, OpeningBody.class)), IfMatch.of(ifMatch)));
    }

    @GET
    @Operation(operationId = "getOpenedPrices", summary = "The opened contributions and the consolidated bid price",
            description = "The leader's bid managers, once the opening has passed (409 prices-sealed before it; 403 to other members). "
                    + "Each line is converted exactly and rounded once to the bid currency's minor units (HALF_EVEN); each contribution carries its "
                    + "canonical form and salt, so its commitment can be recomputed. Every read is audited.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpenedPricesView.class)))
    @APIResponse(responseCode = "409", description = "prices-sealed: the opening has not passed")
    public OpenedPricesView opened(@PathParam("id") String consortiumId) {
        PricingService.OpenedPrices opened = pricing.opened(consortiumId);
        Consolidation c = opened.consolidation();
        PriceOpening opening = opened.opening();
        return new OpenedPricesView(c.bidCurrency(), rates(opened.rates()), opening.ratesAsOf() == null ? null : opening.ratesAsOf().toString(),
                opening.ratesSource(),
                c.lines().stream().map(l -> new ConsolidatedLineView(l.scopePackage(), l.company(), Contribution.amountText(l.amount(), l.currency()),
                        l.currency(), l.rate() == null ? null : l.rate().toPlainString(), l.inBidCurrency() == null ? null : l.inBidCurrency().toPlainString())).toList(),
                c.total().toPlainString(), c.unpricedPackages(), c.unsealedCompanies(), c.missingRates(),
                opened.contributions().stream().map(o -> new OpenedView(o.company(), o.version(), o.sealedAt(), o.commitment(), o.salt(), o.canonical(),
                        o.contribution().lines().stream().map(l -> new LineView(l.scopePackage(), Contribution.amountText(l.amount(), l.currency()),
                                l.currency(), l.note())).toList())).toList());
    }

    private Response answer(String consortiumId, PriceOpening opening) {
        return Response.ok(view(consortiumId, opening)).tag(EntityTags.of(opening.rowVersion())).build();
    }

    private OpeningView view(String consortiumId, PriceOpening opening) {
        java.time.ZoneId zone = consortia.tenderZone(consortiumId);
        return new OpeningView(opening.opensAt(), java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(opening.opensAt().atZone(zone)),
                zone.getId(), opening.bidCurrency(), rates(pricing.ratesOf(opening)), opening.ratesAsOf() == null ? null : opening.ratesAsOf().toString(),
                opening.ratesSource(), pricing.hasOpened(opening), opening.setAt(), opening.setByName());
    }

    private static java.util.Map<String, String> rates(java.util.Map<Currency, BigDecimal> rates) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        rates.forEach((currency, rate) -> out.put(currency.name(), rate.toPlainString()));
        return out;
    }

    static PricingService.OpeningChange openingChange(OpeningBody body) {
        Fields fields = new Fields();
        java.time.OffsetDateTime opensAt = fields.dateTime("opensAt", body.opensAt(), true);
        Currency bid = fields.oneOf("bidCurrency", Currency.class, body.bidCurrency(), true);
        java.util.Map<Currency, BigDecimal> rates = new java.util.TreeMap<>();
        if (body.rates() != null && body.rates().size() > 10) {
            fields.reject("rates", "names at most 10 currencies");
        } else if (body.rates() != null) {
            body.rates().forEach((code, value) -> {
                Currency currency = fields.oneOf("rates." + code, Currency.class, code, true);
                if (value == null || value.length() > 30 || !value.strip().matches("\\d{1,18}(\\.\\d{1,12})?") || new BigDecimal(value.strip()).signum() <= 0) {
                    fields.reject("rates." + code, "must be a positive decimal string with at most 12 decimals, e.g. \"0.00671\"");
                } else if (currency != null) {
                    rates.put(currency, new BigDecimal(value.strip()));
                }
            });
        }
        LocalDate asOf = fields.date("ratesAsOf", body.ratesAsOf(), false);
        String source = fields.text("ratesSource", body.ratesSource(), false, PriceOpening.SOURCE_LENGTH);
        fields.throwIfInvalid();
        return new PricingService.OpeningChange(opensAt.toInstant(), bid, rates, asOf, source);
    }

    @GET
    @Path("mine")
    @Operation(operationId = "getMyPriceContribution", summary = "My company's price contribution",
            description = "Only my company ever reads it before the opening. Carries the ETag for If-Match.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MineView.class)))
    public Response mine(@PathParam("id") String consortiumId) {
        return answer(pricing.mine(consortiumId));
    }

    @PUT
    @Path("mine")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContributionBody.class)))
    @Operation(operationId = "changeMyPriceContribution", summary = "Save the next version of my price contribution",
            description = "Contributors and bid managers of an active member; If-Match. Lines only for my packages. A sealed contribution is unsealed.")
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MineView.class)))
    public Response change(@PathParam("id") String consortiumId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        return answer(pricing.change(consortiumId, contribution(JsonBodies.read(body, ContributionBody.class)), IfMatch.of(ifMatch)));
    }

    @POST
    @Path("mine/seal")
    @Operation(operationId = "sealMyPriceContribution", summary = "Seal the current version of my price contribution",
            description = "Bid managers; If-Match. Records a commitment (SHA-256 over the canonical form and a secret salt) that every member sees.")
    @APIResponse(responseCode = "200", description = "Sealed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MineView.class)))
    public Response seal(@PathParam("id") String consortiumId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(pricing.seal(consortiumId, IfMatch.of(ifMatch)));
    }

    @GET
    @Path("status")
    @Operation(operationId = "getPriceStatus", summary = "Which members have sealed, when, and their commitments",
            description = "Every active member sees this; never an amount.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = StatusView.class)))
    public List<StatusView> status(@PathParam("id") String consortiumId) {
        return pricing.status(consortiumId).stream().map(s -> new StatusView(s.company(), s.sealed(), s.sealedAt(), s.commitment(), s.version())).toList();
    }

    private static Response answer(PricingService.Mine mine) {
        return Response.ok(MineView.of(mine)).tag(EntityTags.of(mine.etag())).build();
    }

    static Contribution contribution(ContributionBody body) {
        Fields fields = new Fields();
        List<Contribution.Line> lines = new ArrayList<>();
        if (body.lines() != null && body.lines().size() > Contribution.MAX_LINES) {
            fields.reject("lines", "has at most " + Contribution.MAX_LINES + " lines");
        } else if (body.lines() != null) {
            for (int i = 0; i < body.lines().size(); i++) {
                LineBody line = body.lines().get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    fields.reject(at, "is required");
                    continue;
                }
                String scopePackage = fields.text(at + ".package", line.scopePackage(), true, Allocation.PACKAGE_NAME_LENGTH);
                Currency currency = fields.oneOf(at + ".currency", Currency.class, line.currency(), true);
                BigDecimal amount = fields.money(at + ".amount", line.amount(), true, currency == null ? 2 : currency.minorUnits());
                String note = fields.text(at + ".note", line.note(), false, Contribution.NOTE_LENGTH);
                if (scopePackage != null && currency != null && amount != null) {
                    lines.add(new Contribution.Line(scopePackage, amount, currency, note));
                }
            }
        }
        LocalDate validUntil = fields.date("validUntil", body.validUntil(), false);
        fields.throwIfInvalid();
        return new Contribution(lines, validUntil);
    }
}
