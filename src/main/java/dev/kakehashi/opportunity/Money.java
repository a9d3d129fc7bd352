package dev.kakehashi.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** An amount in a currency. Amounts travel as decimal strings so that no client rounds them through a float. */
@Embeddable
public record Money(
        @Column(name = "estimated_amount", precision = 24, scale = 2) BigDecimal amount,
        @Enumerated(EnumType.STRING) @Column(name = "estimated_currency", length = 3) Currency currency) {

    public Money {
        if (amount != null && amount.signum() <= 0) {
            throw new IllegalArgumentException("An estimated value is more than zero");
        }
    }
}
