package dev.kakehashi.pricing;

import dev.kakehashi.opportunity.Currency;
import dev.kakehashi.platform.persistence.DatabaseMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The demo prices of the Quang Trach consortium (only with demo data on, and only once): Sakura Shoji
 * prices financing and O&M in yen, Hanbit E&C its islands in won and dollars; both are sealed, and the
 * opening is a month away. Encrypted like any contribution, which is why this is code and not SQL.
 */
@ApplicationScoped
public class DemoPrices {

    private static final Logger LOG = Logger.getLogger(DemoPrices.class.getName());

    static final String CONSORTIUM = "7b1e0000-0000-4000-8000-0000000000c1";
    private static final String SAKURA = "5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001";
    private static final String HANBIT = "5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003";

    @PersistenceContext
    EntityManager em;

    @Inject
    PricingService pricing;

    @Inject
    Clock clock;

    @Transactional
    void seed(@Observes DatabaseMigration.Migrated migrated) {
        if (!migrated.demoData() || em.find(dev.kakehashi.consortium.Consortium.class, CONSORTIUM) == null
                || em.createQuery("select count(c) from PriceContribution c where c.consortiumId = :k", Long.class)
                        .setParameter("k", CONSORTIUM).getSingleResult() > 0) {
            return;
        }
        Instant now = clock.instant();
        LocalDate validUntil = LocalDate.ofInstant(now, ZoneOffset.UTC).plusMonths(6);
        sealed(SAKURA, "sakura-shoji", "Haruka Sato", new Contribution(List.of(
                new Contribution.Line("Financing and O&M", new BigDecimal("4850000000"), Currency.JPY,
                        "JBIC buyer's credit 12 years; O&M 5 years. JBICバイヤーズクレジット12年、O&M 5年")), validUntil), now.minus(Duration.ofDays(2)));
        sealed(HANBIT, "hanbit-enc", "Seoyeon Park", new Contribution(List.of(
                new Contribution.Line("Gas turbine island", new BigDecimal("612000000.00"), Currency.USD, "2 × 9HA.02, FOB Changwon"),
                new Contribution.Line("LNG regasification and jetty", new BigDecimal("238000000000"), Currency.KRW, "FSRU berth and unloading arms"),
                new Contribution.Line("Civil and balance of plant", new BigDecimal("181500000000"), Currency.KRW, "토목 및 BOP 일식")), validUntil),
                now.minus(Duration.ofDays(1)));
        PriceOpening opening = new PriceOpening(CONSORTIUM);
        Map<String, String> rates = PricingService.storedRates(Map.of(Currency.JPY, new BigDecimal("0.00671"), Currency.KRW, new BigDecimal("0.000731")),
                Currency.USD);
        opening.set(now.plus(Duration.ofDays(30)), Currency.USD, PricingService.ratesJson(rates), LocalDate.ofInstant(now, ZoneOffset.UTC),
                "Demo: indicative selling rates", now.minus(Duration.ofDays(3)), "Haruka Sato");
        em.persist(opening);
        LOG.info("Demo prices: Sakura Shoji and Hanbit E&C sealed; the opening is in 30 days");
    }

    private void sealed(String companyId, String alias, String by, Contribution contribution, Instant at) {
        PriceContribution c = new PriceContribution(CONSORTIUM, companyId);
        em.persist(c);
        pricing.seal(c, pricing.saveVersion(c, contribution, at.minus(Duration.ofHours(3)), "demo", by), contribution, alias, at);
    }
}
