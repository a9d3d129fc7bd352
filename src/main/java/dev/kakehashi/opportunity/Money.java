package dev.kakehashi.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/**
 * An amount in a currency. Amounts travel as decimal strings so that no client rounds them through a
 * float; they are more than zero, of at most {@value #DIGITS} digits, and carry no more decimals than
 * the currency has minor units, so that what is stored is exactly what was sent.
 */
@Embeddable
public record Money(
        @Column(name = "estimated_amount", precision = 24, scale = 2) BigDecimal amount,
        @Enumerated(EnumType.STRING) @Column(name = "estimated_currency", length = 3) Currency currency) {

    public static final int DIGITS = 20;

    /** Why an amount cannot be one of this currency, or null when it can. */
    public static String problemOf(BigDecimal amount, Currency currency) {
        if (amount.signum() <= 0) {
            return "must be more than zero";
        }
        int decimals = Math.max(0, amount.stripTrailingZeros().scale());
        if (decimals > currency.minorUnits()) {
            return currency.minorUnits() == 0 ? "must be a whole amount: " + currency + " has no minor units"
                    : "must have at most " + currency.minorUnits() + " decimals in " + currency;
        }
        if ((long) amount.precision() - amount.scale() + currency.minorUnits() > DIGITS) {
            return "must have at most " + DIGITS + " digits";
        }
        return null;
    }

    public Money {
        if (amount != null && currency != null && problemOf(amount, currency) != null) {
            throw dev.kakehashi.platform.api.ProblemException.ruleViolated("estimatedValue.amount", "money-in-currency",
                    "The estimated value " + problemOf(amount, currency));
        }
    }
}
