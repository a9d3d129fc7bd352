package dev.kakehashi.pricing;

import dev.kakehashi.opportunity.Currency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One bid price from the members' sealed contributions: each line converted to the bid currency at the
 * recorded rate, exactly, and rounded once per line to the bid currency's minor units (HALF_EVEN); the
 * total is the sum of the rounded lines. What cannot be counted is named, not guessed: packages nobody
 * priced, members that never sealed, currencies without a rate.
 */
public record Consolidation(Currency bidCurrency, List<Line> lines, BigDecimal total, List<String> unpricedPackages,
                            List<String> unsealedCompanies, List<Currency> missingRates) {

    /** A contribution's line in its own currency and in the bid currency (null when its rate is missing). */
    public record Line(String scopePackage, String company, BigDecimal amount, Currency currency, BigDecimal rate, BigDecimal inBidCurrency) {
    }

    /** A sealed contribution, by company alias. */
    public record Sealed(String company, Contribution contribution) {
    }

    public static Consolidation of(Currency bidCurrency, Map<Currency, BigDecimal> rates, List<String> packages, List<String> activeCompanies,
                                   List<Sealed> sealed) {
        List<Line> lines = new ArrayList<>();
        Set<Currency> missing = new TreeSet<>();
        Set<String> priced = new LinkedHashSet<>();
        BigDecimal total = BigDecimal.ZERO.setScale(bidCurrency.minorUnits());
        for (Sealed s : sealed) {
            for (Contribution.Line line : s.contribution().lines()) {
                priced.add(line.scopePackage());
                BigDecimal rate = line.currency() == bidCurrency ? BigDecimal.ONE : rates.get(line.currency());
                BigDecimal converted = null;
                if (rate == null) {
                    missing.add(line.currency());
                } else {
                    converted = line.amount().multiply(rate).setScale(bidCurrency.minorUnits(), RoundingMode.HALF_EVEN);
                    total = total.add(converted);
                }
                lines.add(new Line(line.scopePackage(), s.company(), line.amount(), line.currency(), rate, converted));
            }
        }
        lines.sort(Comparator.comparing(Line::scopePackage).thenComparing(Line::company));
        Set<String> sealedCompanies = new TreeSet<>(sealed.stream().map(Sealed::company).toList());
        return new Consolidation(bidCurrency, lines, total, packages.stream().filter(p -> !priced.contains(p)).toList(),
                activeCompanies.stream().filter(c -> !sealedCompanies.contains(c)).sorted().toList(), List.copyOf(missing));
    }
}
