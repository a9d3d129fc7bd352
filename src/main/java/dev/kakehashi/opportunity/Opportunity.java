package dev.kakehashi.opportunity;

import dev.kakehashi.platform.api.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A tender one company pursues. It is the owner's alone (its company id decides who may see it)
 * until the owner forms a consortium around it; then the consortium's active members read it, and
 * still only the owner changes it. Stages move only along {@link Stage#next()}; bidding needs a Go.
 */
@Entity
@Table(name = "opportunity")
public class Opportunity {

    @Id
    private String id;

    @Column(name = "owner_company_id", nullable = false, updatable = false)
    private String ownerCompanyId;

    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Country country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;

    @Column(nullable = false, length = EMPLOYER_LENGTH)
    private String employer;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opportunity_funding", joinColumns = @JoinColumn(name = "opportunity_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private Set<FundingSource> funding = EnumSet.noneOf(FundingSource.class);

    @Embedded
    private Money estimatedValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "procurement_method", nullable = false)
    private ProcurementMethod procurementMethod;

    @Column(name = "bid_due_at", nullable = false)
    private Instant bidDueAt;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision")
    private Decision decision;

    @Column(name = "decision_reasons", columnDefinition = "TEXT")
    private String decisionReasons;

    @Column(name = "decided_by_id")
    private String decidedById;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    /** The longest title, employer and reasons: the same in the browser, the API and the column. */
    public static final int TITLE_LENGTH = 300;
    public static final int EMPLOYER_LENGTH = 200;
    public static final int REASONS_LENGTH = 4000;

    protected Opportunity() {
    }

    /** What describes a tender; the same for recording it and for changing it. */
    public record Details(String title, Country country, Sector sector, String employer, Set<FundingSource> funding,
                          Money estimatedValue, ProcurementMethod procurementMethod, Instant bidDueAt, ZoneId timeZone) {
    }

    /**
     * A change of some of a tender's details, as a PATCH asks for it: what is null stays as it is
     * (an estimated value is replaced whole). Applied to the tender as it is inside the transaction
     * that writes, so that no concurrent change is lost.
     */
    public record Change(String title, Country country, Sector sector, String employer, Set<FundingSource> funding,
                         Money estimatedValue, ProcurementMethod procurementMethod, Instant bidDueAt, ZoneId timeZone, Stage stage,
                         boolean removesEstimatedValue) {

        Details appliedTo(Opportunity current) {
            return new Details(
                    title != null ? title : current.title(),
                    country != null ? country : current.country(),
                    sector != null ? sector : current.sector(),
                    employer != null ? employer : current.employer(),
                    funding != null ? funding : current.funding(),
                    removesEstimatedValue ? null : estimatedValue != null ? estimatedValue : current.estimatedValue(),
                    procurementMethod != null ? procurementMethod : current.procurementMethod(),
                    bidDueAt != null ? bidDueAt : current.bidDueAt(),
                    timeZone != null ? timeZone : current.timeZone());
        }
    }

    static Opportunity record(String ownerCompanyId, Details details, String by, Instant now) {
        Opportunity o = new Opportunity();
        o.id = UUID.randomUUID().toString();
        o.ownerCompanyId = ownerCompanyId;
        o.stage = Stage.IDENTIFIED;
        o.createdAt = now;
        o.createdBy = by;
        o.describe(details);
        return o;
    }

    void describe(Details details) {
        requireLength("title", details.title(), TITLE_LENGTH);
        requireLength("employer", details.employer(), EMPLOYER_LENGTH);
        if (!details.country().hasZone(details.timeZone())) {
            throw ProblemException.ruleViolated("The bid due date is set in the employer's time zone", "timeZone", "time-zone-of-country",
                    "must be a time zone of " + details.country() + ": " + details.country().zones());
        }
        this.title = details.title();
        this.country = details.country();
        this.sector = details.sector();
        this.employer = details.employer();
        this.funding = details.funding().isEmpty() ? EnumSet.noneOf(FundingSource.class) : EnumSet.copyOf(details.funding());
        this.estimatedValue = details.estimatedValue();
        this.procurementMethod = details.procurementMethod();
        this.bidDueAt = details.bidDueAt();
        this.timeZone = details.timeZone().getId();
    }

    void moveTo(Stage target) {
        if (target == stage) {
            return;
        }
        if (!stage.canMoveTo(target)) {
            throw ProblemException.ruleViolated("A " + stage + " tender cannot move to " + target, "stage", "stage-transition",
                    "from " + stage + " only to " + stage.next());
        }
        if (target == Stage.BIDDING && decision != Decision.GO) {
            throw ProblemException.ruleViolated("Bidding needs a recorded Go decision", "stage", "go-decision-required",
                    "record a GO decision before bidding");
        }
        stage = target;
    }

    private static void requireLength(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.ruleViolated(field, "required", field + " is required");
        }
        if (value.length() > max) {
            throw ProblemException.ruleViolated(field, "too-long", field + " must be at most " + max + " characters");
        }
    }

    void decide(Decision decision, String reasons, String byId, String byName, Instant now) {
        if (decision == null) {
            throw ProblemException.ruleViolated("decision", "required", "decision is required");
        }
        requireLength("reasons", reasons, REASONS_LENGTH);
        if (stage.isClosed() || stage == Stage.SUBMITTED) {
            throw ProblemException.ruleViolated("The Go/No-Go decision is made before the bid is submitted", "decision",
                    "decision-before-submission", "the tender is " + stage);
        }
        this.decision = decision;
        this.decisionReasons = reasons;
        this.decidedById = byId;
        this.decidedByName = byName;
        this.decidedAt = now;
    }

    public boolean isOwnedBy(String companyId) {
        return ownerCompanyId.equals(companyId);
    }

    public String id() {
        return id;
    }

    public String ownerCompanyId() {
        return ownerCompanyId;
    }

    public String title() {
        return title;
    }

    public Country country() {
        return country;
    }

    public Sector sector() {
        return sector;
    }

    public String employer() {
        return employer;
    }

    public Set<FundingSource> funding() {
        return funding.isEmpty() ? EnumSet.noneOf(FundingSource.class) : EnumSet.copyOf(funding);
    }

    public Money estimatedValue() {
        return estimatedValue;
    }

    public ProcurementMethod procurementMethod() {
        return procurementMethod;
    }

    public Instant bidDueAt() {
        return bidDueAt;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public Stage stage() {
        return stage;
    }

    public Decision decision() {
        return decision;
    }

    public String decisionReasons() {
        return decisionReasons;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public String decidedById() {
        return decidedById;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public long version() {
        return version;
    }
}
