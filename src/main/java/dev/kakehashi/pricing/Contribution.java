package dev.kakehashi.pricing;

import dev.kakehashi.opportunity.Currency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A member's price for its own scope: one line per scope package it is responsible for, each in the
 * currency it priced in. Its canonical form is what a seal commits to: the same contribution always
 * gives the same text, so that anyone who later sees it and the salt can recompute the commitment.
 */
public record Contribution(List<Line> lines, LocalDate validUntil) {

    public static final int MAX_LINES = 200;
    public static final int NOTE_LENGTH = 2000;
    /** A decimal string of at most 20 digits and its point, as for all money. */
    public static final int AMOUNT_LENGTH = dev.kakehashi.platform.api.Fields.MONEY_DIGITS + 1;
    public static final int DATE_LENGTH = 10;

    /** A package's price: a positive amount in the currency's minor units at most. */
    public record Line(String scopePackage, BigDecimal amount, Currency currency, String note) {
    }

    public static Contribution empty() {
        return new Contribution(List.of(), null);
    }

    public Contribution {
        lines = List.copyOf(lines);
    }

    /** What is wrong with this contribution for a company responsible for these packages (rule, field, message). */
    public List<Violation> violations(Set<String> myPackages, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            if (!myPackages.contains(line.scopePackage())) {
                violations.add(new Violation(at + ".package", "package-not-yours",
                        "\"" + line.scopePackage() + "\" is not a package of the current allocation your company is responsible for"));
            } else if (!seen.add(line.scopePackage())) {
                violations.add(new Violation(at + ".package", "package-priced-once", "\"" + line.scopePackage() + "\" is priced twice"));
            }
        }
        if (validUntil != null && validUntil.isBefore(today)) {
            violations.add(new Violation("validUntil", "valid-until-in-the-past", "the price must be valid until today or later"));
        }
        return violations;
    }

    public record Violation(String field, String rule, String message) {
    }

    /**
     * The text a commitment is taken over: JSON with members in a fixed order, lines by package name,
     * amounts as plain decimals with the currency's minor units, no spaces. {@code docs/api.md} shows how
     * to recompute it.
     */
    public String canonical(String consortiumId, String company, int version) {
        StringBuilder json = new StringBuilder("{\"consortium\":").append(quote(consortiumId))
                .append(",\"company\":").append(quote(company))
                .append(",\"version\":").append(version)
                .append(",\"validUntil\":").append(validUntil == null ? "null" : quote(validUntil.toString()))
                .append(",\"lines\":[");
        List<Line> ordered = lines.stream().sorted(Comparator.comparing(Line::scopePackage)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            Line line = ordered.get(i);
            json.append(i == 0 ? "" : ",").append("{\"package\":").append(quote(line.scopePackage()))
                    .append(",\"amount\":").append(quote(amountText(line.amount(), line.currency())))
                    .append(",\"currency\":").append(quote(line.currency().name()))
                    .append(",\"note\":").append(line.note() == null ? "null" : quote(line.note())).append('}');
        }
        return json.append("]}").toString();
    }

    /** An amount as it is shown and committed to: a plain decimal with exactly the currency's minor units. */
    public static String amountText(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.minorUnits()).toPlainString();
    }

    /** SHA-256 (hex) of the canonical form followed by the salt (hex): what a seal shows, and anyone recomputes. */
    public static String commitment(String canonical, String saltHex) {
        return java.util.HexFormat.of().formatHex(dev.kakehashi.platform.Digests.sha256(canonical + saltHex));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
