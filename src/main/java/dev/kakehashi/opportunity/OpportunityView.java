package dev.kakehashi.opportunity;

import java.time.Instant;
import java.util.List;

/** An opportunity as the API shows it; the bid due date in the employer's own time zone, with its offset. */
public record OpportunityView(String id, String title, Country country, Sector sector, String employer, List<FundingSource> funding,
                              MoneyView estimatedValue, ProcurementMethod procurementMethod, String bidDueAt, String timeZone,
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
                o.procurementMethod(), o.bidDueAt().atZone(o.timeZone()).toOffsetDateTime().toString(), o.timeZone().getId(),
                o.stage(), ownerAlias,
                o.decision() == null ? null : new DecisionView(o.decision(), o.decisionReasons(), o.decidedByName(), o.decidedAt()),
                o.version());
    }
}
