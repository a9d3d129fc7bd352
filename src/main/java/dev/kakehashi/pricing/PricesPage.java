package dev.kakehashi.pricing;

import dev.kakehashi.consortium.Consortium;
import dev.kakehashi.consortium.ConsortiumService;
import dev.kakehashi.opportunity.Currency;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member's price page: its own lines (one per package it is responsible for), the seal, every member's
 * standing, and for the leader's bid managers the opening and, once it has passed, the consolidated price.
 */
@Named
@ViewScoped
public class PricesPage implements Serializable {

    @Inject
    transient PricingService pricing;

    @Inject
    transient ConsortiumService consortia;

    private String consortiumId;
    private List<LineRow> lines = new ArrayList<>();
    private String validUntil;
    private long etag;
    private long openingEtag;
    private String opensAt;
    private String bidCurrency = "USD";
    private List<RateRow> rates = new ArrayList<>();
    private String ratesSource;

    /** One package of mine: what the person types. */
    public static class LineRow implements Serializable {
        private String scopePackage;
        private String amount;
        private String currency;
        private String note;

        public String getScopePackage() { return scopePackage; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class RateRow implements Serializable {
        private String currency;
        private String rate;

        public String getCurrency() { return currency; }
        public String getRate() { return rate; }
        public void setRate(String rate) { this.rate = rate; }
    }

    public void load() {
        PricingService.Mine mine = pricing.mine(consortiumId);
        etag = mine.etag();
        validUntil = mine.contribution().validUntil() == null ? null : mine.contribution().validUntil().toString();
        lines = new ArrayList<>();
        for (String pack : mine.myPackages()) {
            LineRow row = new LineRow();
            row.scopePackage = pack;
            mine.contribution().lines().stream().filter(l -> l.scopePackage().equals(pack)).findFirst().ifPresent(l -> {
                row.amount = Contribution.amountText(l.amount(), l.currency());
                row.currency = l.currency().name();
                row.note = l.note();
            });
            lines.add(row);
        }
        Map<Currency, java.math.BigDecimal> known = new TreeMap<>();
        pricing.opening(consortiumId).ifPresent(o -> {
            openingEtag = o.rowVersion();
            opensAt = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o.opensAt().atZone(getTenderZone()));
            bidCurrency = o.bidCurrency().name();
            ratesSource = o.ratesSource();
            known.putAll(pricing.ratesOf(o));
        });
        rates = new ArrayList<>();
        for (Currency c : Currency.values()) {
            RateRow row = new RateRow();
            row.currency = c.name();
            row.rate = known.containsKey(c) ? known.get(c).toPlainString() : null;
            rates.add(row);
        }
    }

    public String save() {
        List<PricingResource.LineBody> bodies = lines.stream().filter(l -> l.amount != null && !l.amount.isBlank())
                .map(l -> new PricingResource.LineBody(l.scopePackage, l.amount, l.currency, l.note)).toList();
        return Actions.change(() -> pricing.change(consortiumId, PricingResource.contribution(new PricingResource.ContributionBody(bodies, validUntil)),
                IfMatch.version(etag)), "prices.saved");
    }

    public String seal() {
        return Actions.change(() -> pricing.seal(consortiumId, IfMatch.version(etag)), "prices.sealedDone");
    }

    public String setOpening() {
        Map<String, String> given = new TreeMap<>();
        rates.stream().filter(r -> r.rate != null && !r.rate.isBlank() && !r.currency.equals(bidCurrency)).forEach(r -> given.put(r.currency, r.rate));
        try {
            PricingService.OpeningChange change = PricingResource.openingChange(new PricingResource.OpeningBody(opensAt, bidCurrency, given, null, ratesSource));
            return Actions.change(() -> pricing.setOpening(consortiumId, change, IfMatch.version(openingEtag)), "prices.openingSet");
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
    }

    public PricingService.Permissions getMay() {
        return PerRequest.get("prices.may", () -> pricing.permissions(consortiumId));
    }

    public PricingService.Mine getMine() {
        return PerRequest.get("prices.mine", () -> pricing.mine(consortiumId));
    }

    public List<PricingService.MemberStatus> getStatus() {
        return PerRequest.get("prices.status", () -> pricing.status(consortiumId));
    }

    public PriceOpening getOpening() {
        return PerRequest.get("prices.opening", () -> pricing.opening(consortiumId)).orElse(null);
    }

    public boolean isOpened() {
        PriceOpening opening = getOpening();
        return opening != null && pricing.hasOpened(opening);
    }

    /** The consolidated price, for the leader's bid managers once the opening has passed (else null). */
    public Consolidation getConsolidation() {
        if (!getMay().open() || !isOpened()) {
            return null;
        }
        // Read once per request: every read of the opened prices is audited
        return PerRequest.get("prices.opened", () -> pricing.opened(consortiumId)).consolidation();
    }

    /** How long until the opening, in days, hours and minutes (empty once it has passed, or with none set). */
    public String getCountdown() {
        PriceOpening opening = getOpening();
        if (opening == null || pricing.hasOpened(opening)) {
            return "";
        }
        java.time.Duration left = pricing.untilOpening(opening);
        return java.text.MessageFormat.format(Messages.text("prices.countdown"), left.toDays(), left.toHoursPart(), left.toMinutesPart());
    }

    /** The consolidated price as a Chart.js bar chart: packages along, one stacked bar part per company, in the bid currency. */
    public String getChart() {
        Consolidation c = getConsolidation();
        if (c == null) {
            return null;
        }
        List<String> packages = c.lines().stream().map(Consolidation.Line::scopePackage).distinct().toList();
        List<String> companies = c.lines().stream().map(Consolidation.Line::company).distinct().sorted().toList();
        jakarta.json.JsonArrayBuilder datasets = jakarta.json.Json.createArrayBuilder();
        for (String company : companies) {
            jakarta.json.JsonArrayBuilder data = jakarta.json.Json.createArrayBuilder();
            for (String pack : packages) {
                data.add(c.lines().stream().filter(l -> l.company().equals(company) && l.scopePackage().equals(pack) && l.inBidCurrency() != null)
                        .map(Consolidation.Line::inBidCurrency).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
            }
            datasets.add(jakarta.json.Json.createObjectBuilder().add("label", company).add("data", data));
        }
        return jakarta.json.Json.createObjectBuilder().add("type", "bar")
                .add("data", jakarta.json.Json.createObjectBuilder().add("labels", jakarta.json.Json.createArrayBuilder(packages)).add("datasets", datasets))
                .add("options", jakarta.json.Json.createObjectBuilder().add("responsive", true)
                        .add("scales", jakarta.json.Json.createObjectBuilder()
                                .add("x", jakarta.json.Json.createObjectBuilder().add("stacked", true))
                                .add("y", jakarta.json.Json.createObjectBuilder().add("stacked", true)
                                        .add("title", jakarta.json.Json.createObjectBuilder().add("display", true).add("text", c.bidCurrency().name())))))
                .build().toString();
    }

    public Consortium getConsortium() {
        return consortia.visible(consortiumId);
    }

    public ZoneId getTenderZone() {
        return consortia.tenderZone(consortiumId);
    }

    public Currency[] getCurrencies() {
        return Currency.values();
    }

    public String getConsortiumId() { return consortiumId; }
    public void setConsortiumId(String consortiumId) { this.consortiumId = consortiumId; }
    public List<LineRow> getLines() { return lines; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
    public String getOpensAt() { return opensAt; }
    public void setOpensAt(String opensAt) { this.opensAt = opensAt; }
    public String getBidCurrency() { return bidCurrency; }
    public void setBidCurrency(String bidCurrency) { this.bidCurrency = bidCurrency; }
    public List<RateRow> getRates() { return rates; }
    public String getRatesSource() { return ratesSource; }
    public void setRatesSource(String ratesSource) { this.ratesSource = ratesSource; }
}
