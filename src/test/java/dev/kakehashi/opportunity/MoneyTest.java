package dev.kakehashi.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kakehashi.platform.api.ProblemException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** An amount is kept exactly as sent, or refused: more than zero, twenty digits, the currency's minor units. */
class MoneyTest {

    @Test
    void yenWonAndDongHaveNoMinorUnitsDollarsAndRupeesTwo() {
        assertThat(Currency.JPY.minorUnits()).isZero();
        assertThat(Currency.KRW.minorUnits()).isZero();
        assertThat(Currency.VND.minorUnits()).isZero();
        assertThat(Currency.USD.minorUnits()).isEqualTo(2);
        assertThat(Currency.INR.minorUnits()).isEqualTo(2);
    }

    @Test
    void whatDoesNotFitIsRefusedNotRounded() {
        assertThat(Money.problemOf(new BigDecimal("100.5"), Currency.JPY)).contains("whole amount");
        assertThat(Money.problemOf(new BigDecimal("1.005"), Currency.USD)).contains("2 decimals");
        assertThat(Money.problemOf(new BigDecimal("123456789012345678901"), Currency.JPY)).contains("20 digits");
        assertThat(Money.problemOf(new BigDecimal("-5"), Currency.USD)).contains("more than zero");
        assertThatThrownBy(() -> new Money(new BigDecimal("100.5"), Currency.JPY)).isInstanceOf(ProblemException.class);
    }

    @Test
    void whatFitsIsKept() {
        assertThat(Money.problemOf(new BigDecimal("250000000000"), Currency.JPY)).isNull();
        assertThat(Money.problemOf(new BigDecimal("612000000.50"), Currency.USD)).isNull();
        assertThat(Money.problemOf(new BigDecimal("100.00"), Currency.JPY)).as("trailing zeros are no decimals").isNull();
    }
}
