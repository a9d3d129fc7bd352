package dev.kakehashi.opportunity;

import dev.kakehashi.platform.api.Cursor;
import dev.kakehashi.platform.persistence.Keyset;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Tenders, as the caller's company may see them: its own, and those of consortia it is an active
 * member of. Only the owner's bid managers change them. Every change is audited.
 */
@ApplicationScoped
@Transactional
public class OpportunityService {

    /**
     * Who may read an opportunity: its owner, and the active members of the consortium formed around
     * it. (The consortium's tables are named here so that one query answers; see consortium.Consortium.)
     */
    static final String VISIBLE_TO_COMPANY = "(o.ownerCompanyId = :company or o.id in ("
            + "select k.opportunityId from Consortium k join k.members m "
            + "where m.companyId = :company and m.status = dev.kakehashi.consortium.MemberStatus.ACTIVE))";

    /** List filters; null means any. */
    public record Filter(Country country, Sector sector, Stage stage) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ConsortiumOfOpportunity consortiumOf;

    public Opportunity record(Opportunity.Details details) {
        context.requireAnyOf(Role.BID_MANAGER);
        Opportunity opportunity = Opportunity.record(context.company().id(), details, context.caller().userId(), clock.instant());
        em.persist(opportunity);
        em.flush();
        audit.record(null, "opportunity.recorded", "opportunity", opportunity.id(), AuditTrail.Change.created(OpportunityView.of(opportunity, context.company().alias())));
        return opportunity;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Opportunity visible(String id) {
        return em.createQuery("select o from Opportunity o where o.id = :id and " + VISIBLE_TO_COMPANY, Opportunity.class)
                .setParameter("id", id)
                .setParameter("company", context.company().id())
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Opportunity " + id));
    }

    /**
     * An opportunity the caller may change, locked for this transaction: visible (else 404), owned by
     * its company and it a bid manager (else 403), and If-Match naming its current version (428, 412).
     * The lock is the transaction's first read, so that of two writers the second sees the first's change.
     */
    private Opportunity changeable(String id, IfMatch ifMatch) {
        Opportunity locked = em.find(Opportunity.class, id, LockModeType.PESSIMISTIC_WRITE);
        Opportunity opportunity = visible(id);
        if (locked == null || !opportunity.isOwnedBy(context.company().id())) {
            throw new ProblemException(dev.kakehashi.platform.api.ProblemType.FORBIDDEN, "Only the company that recorded this tender changes it");
        }
        context.requireAnyOf(Role.BID_MANAGER);
        ifMatch.require(opportunity.version(), "tender");
        return opportunity;
    }

    public Opportunity change(String id, Opportunity.Change change, IfMatch ifMatch) {
        Opportunity opportunity = changeable(id, ifMatch);
        OpportunityView before = OpportunityView.of(opportunity, context.company().alias());
        opportunity.describe(change.appliedTo(opportunity));
        if (change.stage() != null) {
            opportunity.moveTo(change.stage());
        }
        em.flush();
        audit.record(consortiumOf.idFor(id).orElse(null), "opportunity.changed", "opportunity", id,
                new AuditTrail.Change(before, OpportunityView.of(opportunity, context.company().alias())));
        return opportunity;
    }

    public Opportunity decide(String id, Decision decision, String reasons, IfMatch ifMatch) {
        Opportunity opportunity = changeable(id, ifMatch);
        Decision before = opportunity.decision();
        opportunity.decide(decision, reasons, context.caller().userId(), context.caller().name(), clock.instant());
        em.flush();
        audit.record(consortiumOf.idFor(id).orElse(null), "opportunity.decided", "opportunity", id,
                new AuditTrail.Change(before, java.util.Map.of("decision", decision, "reasons", reasons)));
        return opportunity;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Opportunity> list(Filter filter, PageRequest page) {
        return ORDER.bind(where(filter, "select o from Opportunity o", Opportunity.class, ORDER.from(page)), page,
                Cursor::firstInstant).getResultList();
    }

    /** The list's order, which its cursor follows: {@link #cursorAfter}. */
    private static final Keyset ORDER = Keyset.ascending("o.bidDueAt", "o.id");

    public static Cursor cursorAfter(Opportunity last) {
        return Cursor.after(last.bidDueAt(), last.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Filter filter) {
        return where(filter, "select count(o) from Opportunity o", Long.class, "").getSingleResult();
    }

    private <T> TypedQuery<T> where(Filter filter, String select, Class<T> type, String order) {
        StringBuilder jpql = new StringBuilder(select).append(" where ").append(VISIBLE_TO_COMPANY);
        if (filter.country() != null) {
            jpql.append(" and o.country = :country");
        }
        if (filter.sector() != null) {
            jpql.append(" and o.sector = :sector");
        }
        if (filter.stage() != null) {
            jpql.append(" and o.stage = :stage");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type).setParameter("company", context.company().id());
        if (filter.country() != null) {
            query.setParameter("country", filter.country());
        }
        if (filter.sector() != null) {
            query.setParameter("sector", filter.sector());
        }
        if (filter.stage() != null) {
            query.setParameter("stage", filter.stage());
        }
        return query;
    }

    /** The alias of the company that owns an opportunity, for showing it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String ownerAlias(Opportunity opportunity) {
        return em.createQuery("select c.alias from Company c where c.id = :id", String.class)
                .setParameter("id", opportunity.ownerCompanyId()).getSingleResult();
    }
}
