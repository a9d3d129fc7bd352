package dev.kakehashi.opportunity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An opportunity as the API shows it; the bid due date in the employer's own time zone, with its offset. */
public record OpportunityView(String id, String title, Country country, Sector sector, String employer, List<FundingSource> funding,
                              MoneyView estimatedValue, ProcurementMethod procurementMethod,
                              @Schema(format = "date-time", description = "In the tender's own zone, to the second") String bidDueAt, String timeZone,
                              Stage stage, String ownerCompany, DecisionView decision, long version) {

    public record MoneyView(String amount, Currency currency) {
    }

    public record DecisionView(Decision decision, String reasons, String decidedBy, Instant decidedAt) {
    }

    public static OpportunityView of(Opportunity o, String ownerAlias) {
        Money value = o.estimatedValue();
        return new OpportunityView(o.id(), o.title(), o.country(), o.sector(), o.employer(),
                o.funding().stream().sorted().toList(),
                value == null || value.amount() == null ? null : new MoneyView(value.amount().stripTrailingZeros().toPlainString(), value.currency()),
                o.procurementMethod(), java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o.bidDueAt().atZone(o.timeZone())), o.timeZone().getId(),
                o.stage(), ownerAlias,
                o.decision() == null ? null : new DecisionView(o.decision(), o.decisionReasons(), o.decidedByName(), o.decidedAt()),
                o.version());
    }
}
