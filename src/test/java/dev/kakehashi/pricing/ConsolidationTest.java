package dev.kakehashi.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.opportunity.Currency;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsolidationTest {

    private static Contribution contribution(Contribution.Line... lines) {
        return new Contribution(List.of(lines), null);
    }

    private static Contribution.Line line(String pack, String amount, Currency currency) {
        return new Contribution.Line(pack, new BigDecimal(amount), currency, null);
    }

    @Test
    void threeCurrenciesMakeOneBidPriceRoundedOncePerLine() {
        // By hand, in USD: 120,000,000 JPY × 0.00671 = 805,200.00; 35,000,001 JPY × 0.00671 = 234,850.00671 → 234,850.01;
        // 612,000,000.50 USD; 250,000,000,000 KRW × 0.000731 = 182,750,000.00. Total 795,790,050.51.
        Consolidation c = Consolidation.of(Currency.USD, Map.of(Currency.JPY, new BigDecimal("0.00671"), Currency.KRW, new BigDecimal("0.000731")),
                List.of("Financing", "O&M", "Gas turbine island", "Civil and BOP"), List.of("sakura-shoji", "hanbit-enc"),
                List.of(new Consolidation.Sealed("sakura-shoji", contribution(line("Financing", "120000000", Currency.JPY), line("O&M", "35000001", Currency.JPY))),
                        new Consolidation.Sealed("hanbit-enc", contribution(line("Gas turbine island", "612000000.50", Currency.USD),
                                line("Civil and BOP", "250000000000", Currency.KRW)))));

        assertThat(c.lines()).extracting(l -> l.scopePackage() + " " + l.inBidCurrency().toPlainString())
                .containsExactly("Civil and BOP 182750000.00", "Financing 805200.00", "Gas turbine island 612000000.50", "O&M 234850.01");
        assertThat(c.total().toPlainString()).isEqualTo("795790050.51");
        assertThat(c.unpricedPackages()).isEmpty();
        assertThat(c.unsealedCompanies()).isEmpty();
        assertThat(c.missingRates()).isEmpty();
    }

    @Test
    void whatCannotBeCountedIsNamedNotGuessed() {
        Consolidation c = Consolidation.of(Currency.JPY, Map.of(), List.of("Financing", "Gas turbine island"), List.of("sakura-shoji", "hanbit-enc"),
                List.of(new Consolidation.Sealed("sakura-shoji", contribution(line("Financing", "120000000", Currency.JPY), line("Extra", "10", Currency.USD)))));

        assertThat(c.unpricedPackages()).containsExactly("Gas turbine island");
        assertThat(c.unsealedCompanies()).containsExactly("hanbit-enc");
        assertThat(c.missingRates()).containsExactly(Currency.USD);
        assertThat(c.total().toPlainString()).isEqualTo("120000000");
    }

    @Test
    void halfEvenRoundsATieToTheEvenCent() {
        // 0.125 USD and 0.135 USD at rate 1 into … a bid in JPY at 100: 12.5 → 12 and 13.5 → 14
        Consolidation c = Consolidation.of(Currency.JPY, Map.of(Currency.USD, new BigDecimal("100")), List.of("A", "B"), List.of("x"),
                List.of(new Consolidation.Sealed("x", contribution(line("A", "0.125", Currency.USD), line("B", "0.135", Currency.USD)))));

        assertThat(c.lines()).extracting(l -> l.inBidCurrency().toPlainString()).containsExactly("12", "14");
    }
}
