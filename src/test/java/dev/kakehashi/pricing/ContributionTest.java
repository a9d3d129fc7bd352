package dev.kakehashi.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.opportunity.Currency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContributionTest {

    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");

    private static Contribution.Line line(String pack, String amount, Currency currency) {
        return new Contribution.Line(pack, new BigDecimal(amount), currency, null);
    }

    @Test
    void aCompanyPricesOnlyItsOwnPackagesEachOnce() {
        Contribution c = new Contribution(List.of(line("Gas turbine island", "612000000.00", Currency.USD), line("Civil and BOP", "9000", Currency.USD),
                line("Gas turbine island", "1", Currency.USD)), LocalDate.parse("2027-02-01"));

        assertThat(c.violations(Set.of("Gas turbine island"), TODAY)).extracting(Contribution.Violation::rule)
                .containsExactly("package-not-yours", "package-priced-once", "valid-until-in-the-past");
        assertThat(new Contribution(List.of(line("Gas turbine island", "1", Currency.USD)), TODAY).violations(Set.of("Gas turbine island"), TODAY)).isEmpty();
    }

    @Test
    void theCanonicalFormIsTheSameWhateverTheOrderOrScaleTheLinesCameIn() {
        Contribution a = new Contribution(List.of(line("O&M", "120000000", Currency.JPY), line("Financing \"A\"", "5.5", Currency.USD)),
                LocalDate.parse("2027-06-30"));
        Contribution b = new Contribution(List.of(line("Financing \"A\"", "5.50", Currency.USD), line("O&M", "120000000", Currency.JPY)),
                LocalDate.parse("2027-06-30"));

        String canonical = a.canonical("k1", "sakura-shoji", 3);

        assertThat(canonical).isEqualTo(b.canonical("k1", "sakura-shoji", 3));
        assertThat(canonical).isEqualTo("""
                {"consortium":"k1","company":"sakura-shoji","version":3,"validUntil":"2027-06-30","lines":[\
                {"package":"Financing \\"A\\"","amount":"5.50","currency":"USD","note":null},\
                {"package":"O&M","amount":"120000000","currency":"JPY","note":null}]}""");
        assertThat(canonical).isNotEqualTo(a.canonical("k1", "sakura-shoji", 4));
    }

    @Test
    void aCommitmentIsTheSha256OfTheCanonicalFormAndTheSalt() {
        // printf '%s%s' '{}' 'ab' | sha256sum
        assertThat(Contribution.commitment("{}", "ab")).isEqualTo("889475e1d0ac68466153ab2f8dfe70ef535aeacab66235a2c87e6e643869c97b");
    }
}
