package dev.kakehashi.pricing;

import dev.kakehashi.consortium.Allocation;
import dev.kakehashi.consortium.Consortium;
import dev.kakehashi.consortium.ConsortiumService;
import dev.kakehashi.consortium.Membership;
import dev.kakehashi.opportunity.Currency;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.Problem;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each member's sealed price: only its own company ever reads its lines (the leader too only after the
 * opening, issue 14 part 2). Everything a member may see of another is in {@link #status}: whether it
 * sealed, when, and the commitment.
 */
@ApplicationScoped
@Transactional
public class PricingService {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    ConsortiumService consortia;

    @Inject
    PriceCipher cipher;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** My company's contribution as it stands, with the packages it is responsible for. */
    public record Mine(Contribution contribution, int version, boolean sealed, Instant sealedAt, String commitment, long etag,
                       List<String> myPackages, Instant savedAt, String savedBy) {
    }

    /** Where one member stands: never an amount. */
    public record MemberStatus(String company, boolean sealed, Instant sealedAt, String commitment, int version) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Mine mine(String consortiumId) {
        consortia.visible(consortiumId);
        List<String> packages = myPackages(consortiumId);
        return contributionOf(consortiumId, context.company().id()).map(c -> {
            PriceContributionVersion current = version(c, c.currentVersion());
            return new Mine(open(c, current), c.currentVersion(), c.isSealed(), c.sealedAt(), c.commitment(), c.rowVersion(), packages,
                    current.savedAt(), current.savedByName());
        }).orElseGet(() -> new Mine(Contribution.empty(), 0, false, null, null, 0, packages, null, null));
    }

    /** Saves the next version of my contribution; if it was sealed, it is no longer. */
    public Mine change(String consortiumId, Contribution contribution, IfMatch ifMatch) {
        Consortium consortium = locked(consortiumId);
        context.requireAnyOf(Role.CONTRIBUTOR, Role.BID_MANAGER);
        PriceContribution current = contributionOf(consortiumId, context.company().id()).orElse(null);
        ifMatch.require(current == null ? 0 : current.rowVersion(), "price contribution");
        List<Contribution.Violation> violations = contribution.violations(Set.copyOf(myPackages(consortiumId)), LocalDate.now(clock));
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATED, "The contribution breaks " + violations.size() + " rule(s): "
                    + violations.get(0).message(), violations.stream().map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList());
        }
        if (current == null) {
            current = new PriceContribution(consortium.id(), context.company().id());
            em.persist(current);
        }
        boolean wasSealed = current.isSealed();
        int number = saveVersion(current, contribution, clock.instant(), context.caller().userId(), context.caller().name()).number();
        em.flush();
        // The trail says that a price changed, never what it is
        if (wasSealed) {
            audit.record(consortiumId, "prices.unsealed", "price-seal", current.id(), AuditTrail.Change.created(Map.of("version", number)));
        }
        audit.record(consortiumId, "prices.changed", "price-contribution", current.id(),
                AuditTrail.Change.created(Map.of("version", number, "lines", contribution.lines().size())));
        return mine(consortiumId);
    }

    /** Freezes the current version: a commitment over its canonical form and a secret salt. */
    public Mine seal(String consortiumId, IfMatch ifMatch) {
        locked(consortiumId);
        context.requireAnyOf(Role.BID_MANAGER);
        PriceContribution current = contributionOf(consortiumId, context.company().id()).orElse(null);
        ifMatch.require(current == null ? 0 : current.rowVersion(), "price contribution");
        if (current == null || current.currentVersion() == 0) {
            throw ProblemException.ruleViolated("lines", "nothing-to-seal", "Save a contribution before sealing it");
        }
        if (current.isSealed()) {
            throw ProblemException.ruleViolated("version", "already-sealed", "Version " + current.currentVersion() + " is sealed already");
        }
        PriceContributionVersion version = version(current, current.currentVersion());
        String commitment = seal(current, version, open(current, version), context.company().alias(), clock.instant());
        em.flush();
        audit.record(consortiumId, "prices.sealed", "price-seal", current.id(),
                AuditTrail.Change.created(Map.of("version", version.number(), "commitment", commitment)));
        return mine(consortiumId);
    }

    /** Every active member's standing, as any active member sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberStatus> status(String consortiumId) {
        Consortium consortium = consortia.visible(consortiumId);
        Map<String, PriceContribution> byCompany = contributionsByCompany(consortiumId);
        return consortium.activeMembers().stream().map(m -> {
            PriceContribution c = byCompany.get(m.companyId());
            boolean sealed = c != null && c.isSealed();
            return new MemberStatus(m.companyAlias(), sealed, sealed ? c.sealedAt() : null, sealed ? c.commitment() : null,
                    c == null ? 0 : c.currentVersion());
        }).toList();
    }

    // ---- the opening ---------------------------------------------------------------------------

    /** What the leader sets: the moment, the bid currency and the rates to it. */
    public record OpeningChange(Instant opensAt, Currency bidCurrency, Map<Currency, BigDecimal> rates, LocalDate ratesAsOf, String ratesSource) {
    }

    /** The consortium's opening, as every active member sees it (none yet: empty). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PriceOpening> opening(String consortiumId) {
        consortia.visible(consortiumId);
        return Optional.ofNullable(em.find(PriceOpening.class, consortiumId));
    }

    public Map<Currency, BigDecimal> ratesOf(PriceOpening opening) {
        Map<?, ?> stored = JSON.fromJson(opening.rates(), Map.class);
        Map<Currency, BigDecimal> rates = new java.util.TreeMap<>();
        stored.forEach((currency, rate) -> rates.put(Currency.valueOf((String) currency), new BigDecimal((String) rate)));
        return rates;
    }

    /** The rates as the opening keeps them (JSON of {@link #storedRates}). */
    static String ratesJson(Map<String, String> storedRates) {
        return JSON.toJson(storedRates);
    }

    /** The rates as they are kept: decimal strings by currency code, the bid currency's own left out. */
    static Map<String, String> storedRates(Map<Currency, BigDecimal> rates, Currency bidCurrency) {
        Map<String, String> stored = new java.util.TreeMap<>();
        rates.forEach((currency, rate) -> {
            if (currency != bidCurrency) {
                stored.put(currency.name(), rate.toPlainString());
            }
        });
        return stored;
    }

    /** Sets or moves the opening (leader's bid managers, If-Match): only to a time to come, and only before it passed. */
    public PriceOpening setOpening(String consortiumId, OpeningChange change, IfMatch ifMatch) {
        Consortium consortium = locked(consortiumId);
        requireLeadersBidManager(consortium);
        PriceOpening opening = em.find(PriceOpening.class, consortiumId);
        ifMatch.require(opening == null ? 0 : opening.rowVersion(), "price opening");
        Instant now = clock.instant();
        if (opening != null && opening.hasOpened(now)) {
            throw ProblemException.ruleViolated("opensAt", "opening-passed", "The prices opened at " + opening.opensAt() + ": the opening stays as it was");
        }
        if (!change.opensAt().isAfter(now)) {
            throw ProblemException.ruleViolated("opensAt", "opens-later", "The opening must be a time to come, not " + change.opensAt());
        }
        Map<String, String> rates = storedRates(change.rates(), change.bidCurrency());
        boolean created = opening == null;
        if (created) {
            opening = new PriceOpening(consortiumId);
        }
        Map<String, Object> before = created ? null : Map.of("opensAt", opening.opensAt().toString(), "bidCurrency", opening.bidCurrency().name(),
                "rates", opening.rates());
        opening.set(change.opensAt(), change.bidCurrency(), ratesJson(rates), change.ratesAsOf(), change.ratesSource(), now, context.caller().name());
        if (created) {
            em.persist(opening);
        }
        em.flush();
        audit.record(consortiumId, "prices.opening-set", "price-opening", consortiumId, new AuditTrail.Change(before,
                Map.of("opensAt", change.opensAt().toString(), "bidCurrency", change.bidCurrency().name(), "rates", rates)));
        return opening;
    }

    /** A sealed contribution as the opening shows it: what is needed to recompute its commitment. */
    public record Opened(String company, int version, Instant sealedAt, String commitment, String salt, String canonical, Contribution contribution) {
    }

    public record OpenedPrices(PriceOpening opening, Map<Currency, BigDecimal> rates, List<Opened> contributions, Consolidation consolidation) {
    }

    /**
     * The sealed contributions and the consolidated price, to the leader's bid managers once the opening has
     * passed: 409 {@code prices-sealed} before it, 403 to anyone else of the consortium. Every read is audited.
     */
    public OpenedPrices opened(String consortiumId) {
        Consortium consortium = consortia.visible(consortiumId);
        requireLeadersBidManager(consortium);
        PriceOpening opening = em.find(PriceOpening.class, consortiumId);
        if (opening == null || !opening.hasOpened(clock.instant())) {
            throw new ProblemException(ProblemType.PRICES_SEALED, opening == null ? "No price opening is set yet"
                    : "The prices are sealed until " + opening.opensAt());
        }
        Map<String, PriceContribution> byCompany = contributionsByCompany(consortiumId);
        List<Opened> opened = new java.util.ArrayList<>();
        List<String> active = new java.util.ArrayList<>();
        for (Membership member : consortium.activeMembers()) {
            active.add(member.companyAlias());
            PriceContribution c = byCompany.get(member.companyId());
            if (c == null || !c.isSealed()) {
                continue;
            }
            PriceContributionVersion version = version(c, c.currentVersion());
            Contribution contribution = open(c, version);
            opened.add(new Opened(member.companyAlias(), version.number(), c.sealedAt(), c.commitment(), cipher.open(version.sealedSalt(), associated(c)),
                    contribution.canonical(consortiumId, member.companyAlias(), version.number()), contribution));
        }
        List<String> packages = consortia.allocation(consortiumId, null).allocation().packages().stream().map(Allocation.ScopePackage::name).toList();
        Map<Currency, BigDecimal> rates = ratesOf(opening);
        Consolidation consolidation = Consolidation.of(opening.bidCurrency(), rates, packages, active,
                opened.stream().map(o -> new Consolidation.Sealed(o.company(), o.contribution())).toList());
        audit.record(consortiumId, "prices.read", "price-opening", consortiumId,
                AuditTrail.Change.created(Map.of("contributions", opened.size(), "by", context.caller().name())));
        return new OpenedPrices(opening, rates, opened, consolidation);
    }

    private void requireLeadersBidManager(Consortium consortium) {
        if (!isLeader(consortium)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the leader's bid managers open the prices");
        }
        context.requireAnyOf(Role.BID_MANAGER);
    }

    /** Whether the opening has passed, by the server's clock. */
    public boolean hasOpened(PriceOpening opening) {
        return opening.hasOpened(clock.instant());
    }

    /** How long until the opening (zero or less once it has passed). */
    public java.time.Duration untilOpening(PriceOpening opening) {
        return java.time.Duration.between(clock.instant(), opening.opensAt());
    }

    /** What the caller may do here, for pages that show only what it may: edit its price, seal it, set the opening and read it. */
    public record Permissions(boolean edit, boolean seal, boolean open) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Permissions permissions(String consortiumId) {
        Consortium consortium = consortia.visible(consortiumId);
        return new Permissions(context.caller().hasAnyOf(Set.of(Role.CONTRIBUTOR, Role.BID_MANAGER)), context.caller().has(Role.BID_MANAGER),
                isLeader(consortium) && context.caller().has(Role.BID_MANAGER));
    }

    private boolean isLeader(Consortium consortium) {
        return consortium.leaderCompanyId().equals(context.company().id());
    }

    private List<String> myPackages(String consortiumId) {
        String me = context.company().alias();
        return consortia.allocation(consortiumId, null).allocation().packages().stream()
                .filter(p -> me.equals(p.responsible())).map(Allocation.ScopePackage::name).toList();
    }

    /** The consortium, locked for this transaction's writers of prices: the lock is its first read. */
    private Consortium locked(String consortiumId) {
        Consortium consortium = consortiumId == null ? null : em.find(Consortium.class, consortiumId, LockModeType.PESSIMISTIC_WRITE);
        if (consortium == null || !consortium.hasActiveMember(context.company().id())) {
            throw ProblemException.notFound("Consortium " + consortiumId);
        }
        return consortium;
    }

    private Map<String, PriceContribution> contributionsByCompany(String consortiumId) {
        return em.createQuery("select c from PriceContribution c where c.consortiumId = :k", PriceContribution.class)
                .setParameter("k", consortiumId).getResultStream().collect(Collectors.toMap(PriceContribution::companyId, c -> c));
    }

    /** Saves the next version of a contribution, encrypted: the one way a version is written (by a member, or the demo). */
    PriceContributionVersion saveVersion(PriceContribution c, Contribution contribution, Instant at, String byId, String byName) {
        PriceContributionVersion version = new PriceContributionVersion(c.id(), c.revise(), cipher.seal(JSON.toJson(Stored.of(contribution)), associated(c)),
                at, byId, byName);
        em.persist(version);
        return version;
    }

    /** Seals a contribution's current version: a fresh secret salt, the commitment over the canonical form and it, both kept. */
    String seal(PriceContribution c, PriceContributionVersion version, Contribution contribution, String companyAlias, Instant at) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        String commitment = Contribution.commitment(contribution.canonical(c.consortiumId(), companyAlias, version.number()), saltHex);
        version.seal(cipher.seal(saltHex, associated(c)), commitment, at);
        c.seal(commitment, at);
        return commitment;
    }

    private Optional<PriceContribution> contributionOf(String consortiumId, String companyId) {
        return em.createQuery("select c from PriceContribution c where c.consortiumId = :k and c.companyId = :c", PriceContribution.class)
                .setParameter("k", consortiumId).setParameter("c", companyId).getResultStream().findFirst();
    }

    private PriceContributionVersion version(PriceContribution c, int number) {
        return em.createQuery("select v from PriceContributionVersion v where v.contributionId = :c and v.number = :n", PriceContributionVersion.class)
                .setParameter("c", c.id()).setParameter("n", number).getSingleResult();
    }

    private Contribution open(PriceContribution c, PriceContributionVersion version) {
        return JSON.fromJson(cipher.open(version.sealedContent(), associated(c)), Stored.class).contribution();
    }

    /** A sealed row opens only as the contribution it was written for. */
    private static String associated(PriceContribution c) {
        return c.consortiumId() + "/" + c.companyId();
    }

    /** What is encrypted: amounts as plain decimal strings, so nothing is lost to a binary number. */
    public record Stored(List<StoredLine> lines, String validUntil) {
        static Stored of(Contribution c) {
            return new Stored(c.lines().stream().map(l -> new StoredLine(l.scopePackage(), l.amount().toPlainString(), l.currency().name(), l.note())).toList(),
                    c.validUntil() == null ? null : c.validUntil().toString());
        }

        Contribution contribution() {
            return new Contribution(lines.stream().map(l -> new Contribution.Line(l.scopePackage(), new BigDecimal(l.amount()), Currency.valueOf(l.currency()), l.note()))
                    .toList(), validUntil == null ? null : LocalDate.parse(validUntil));
        }
    }

    public record StoredLine(String scopePackage, String amount, String currency, String note) {
    }
}
