package dev.kakehashi.consortium;

import dev.kakehashi.platform.api.Cursor;
import dev.kakehashi.platform.persistence.Keyset;
import dev.kakehashi.company.Company;
import dev.kakehashi.company.CompanyDirectory;
import dev.kakehashi.opportunity.ConsortiumOfOpportunity;
import dev.kakehashi.opportunity.OpportunityService;
import dev.kakehashi.opportunity.Opportunity;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.PageRequest;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Consortia as the caller's company may see them: those it is an active member of. Anything else
 * answers 404, as if it did not exist; 403 only where the company sees the consortium but the caller
 * (its company or its role) may not make this change. Every change is audited in the consortium's trail.
 */
@ApplicationScoped
@Transactional
public class ConsortiumService implements ConsortiumOfOpportunity {


    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,7}");
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    CompanyDirectory companies;

    @Inject
    OpportunityService opportunities;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The current allocation: its document and version (0 before the first save). */
    public record CurrentAllocation(Allocation allocation, int version, java.time.Instant savedAt, String savedBy) {
    }

    // ---- forming and reading ------------------------------------------------------------------

    public Consortium form(String opportunityId, String name, String code) {
        Opportunity opportunity = opportunities.visible(opportunityId);
        if (!opportunity.isOwnedBy(context.company().id())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the company that recorded the tender forms its consortium");
        }
        context.requireAnyOf(Role.BID_MANAGER);
        if (!CODE.matcher(code).matches()) {
            throw Consortium.rule("code", "code-format", "A consortium code is 2 to 8 capital letters or digits, starting with a letter (e.g. QTP)");
        }
        if (opportunity.stage().isClosed()) {
            throw Consortium.rule("opportunityId", "opportunity-open", "The tender is " + opportunity.stage() + "; no consortium can be formed");
        }
        if (idFor(opportunityId).isPresent()) {
            throw Consortium.rule("opportunityId", "one-consortium-per-opportunity", "A consortium is already formed around this tender");
        }
        boolean codeTaken = !em.createQuery("select k.id from Consortium k where k.leaderCompanyId = :c and k.code = :code", String.class)
                .setParameter("c", context.company().id()).setParameter("code", code).getResultList().isEmpty();
        if (codeTaken) {
            throw Consortium.rule("code", "code-unique", "Your company already leads a consortium with code " + code);
        }
        Consortium consortium = Consortium.form(opportunityId, name, code, context.company().id(), context.company().alias(),
                context.caller().userId(), clock.instant());
        em.persist(consortium);
        em.flush();
        audit.record(consortium.id(), "consortium.formed", "consortium", consortium.id(),
                AuditTrail.Change.created(Map.of("name", name, "code", code, "opportunity", opportunity.title(), "leader", context.company().alias())));
        return consortium;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> idFor(String opportunityId) {
        return em.createQuery("select k.id from Consortium k where k.opportunityId = :o", String.class)
                .setParameter("o", opportunityId).getResultStream().findFirst();
    }

    /** A consortium the caller's company is an active member of; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Consortium visible(String id) {
        Consortium consortium = id == null ? null : em.find(Consortium.class, id);
        if (consortium == null || !consortium.hasActiveMember(context.company().id())) {
            throw ProblemException.notFound("Consortium " + id);
        }
        return consortium;
    }

    /** Whether a company is an active member of a consortium; for features that check membership of others. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActiveMember(String consortiumId, String companyId) {
        Consortium consortium = em.find(Consortium.class, consortiumId);
        return consortium != null && consortium.hasActiveMember(companyId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consortium> mine(PageRequest page) {
        return MINE.bind(em.createQuery("select k from Consortium k join k.members m where m.companyId = :c and m.status = :active"
                                + MINE.from(page), Consortium.class)
                .setParameter("c", context.company().id()).setParameter("active", MemberStatus.ACTIVE), page, Cursor::firstInstant).getResultList();
    }

    private static final Keyset MINE = Keyset.newestFirst("k.createdAt", "k.id");

    public static Cursor cursorAfter(Consortium last) {
        return Cursor.after(last.createdAt(), last.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countMine() {
        return em.createQuery("select count(k) from Consortium k join k.members m where m.companyId = :c and m.status = :active", Long.class)
                .setParameter("c", context.company().id()).setParameter("active", MemberStatus.ACTIVE).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String opportunityTitle(Consortium consortium) {
        return em.createQuery("select o.title from Opportunity o where o.id = :id", String.class)
                .setParameter("id", consortium.opportunityId()).getSingleResult();
    }

    /** The tender's own zone, shown beside the person's zone for the consortium's dates. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.time.ZoneId tenderZone(String consortiumId) {
        return java.time.ZoneId.of(em.createQuery("select o.timeZone from Opportunity o, Consortium k where k.id = :k and o.id = k.opportunityId", String.class)
                .setParameter("k", consortiumId).getSingleResult());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String aliasOf(String companyId) {
        return em.createQuery("select c.alias from Company c where c.id = :id", String.class).setParameter("id", companyId).getSingleResult();
    }

    /** A consortium the caller may change: visible (else 404), led by its company and it a bid manager (else 403). */
    private Consortium ledByCaller(String id) {
        return ledByCaller(visible(id));
    }

    private Consortium ledByCaller(Consortium consortium) {
        if (consortium == null || !consortium.hasActiveMember(context.company().id())) {
            throw ProblemException.notFound("Consortium");
        }
        if (!consortium.isLedBy(context.company().id())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the leader's bid managers do this");
        }
        context.requireAnyOf(Role.BID_MANAGER);
        return consortium;
    }

    public Consortium advanceAgreement(String id, AgreementStatus target, IfMatch ifMatch) {
        Consortium consortium = ledByCaller(em.find(Consortium.class, id, LockModeType.PESSIMISTIC_WRITE));
        ifMatch.require(consortium.version(), "consortium");
        AgreementStatus before = consortium.agreementStatus();
        consortium.advanceAgreement(target);
        em.flush();
        audit.record(id, "consortium.agreement-advanced", "consortium", id, new AuditTrail.Change(before, target));
        return consortium;
    }

    // ---- invitations and membership ------------------------------------------------------------

    public Membership invite(String consortiumId, String companyAlias, Set<MemberRole> roles) {
        Consortium consortium = ledByCaller(consortiumId);
        Company invited = companies.byAlias(companyAlias).orElseThrow(() -> ProblemException.ruleViolated(
                "No company is onboarded with alias " + companyAlias, "company", "company-exists", "no company " + companyAlias));
        if (roles.isEmpty()) {
            throw Consortium.rule("roles", "member-has-role", "Propose at least one role");
        }
        Membership invitation = consortium.invite(invited.id(), invited.alias(), roles, context.caller().userId(), clock.instant());
        em.flush();
        audit.record(consortiumId, "consortium.invited", "membership", invitation.id(),
                AuditTrail.Change.created(Map.of("company", invited.alias(), "roles", roles)));
        return invitation;
    }

    /** Open invitations to the caller's company; an invited company sees these and nothing else of the consortium. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Membership> invitationsToMe(PageRequest page) {
        return INVITATIONS.bind(em.createQuery("select m from Membership m where m.companyId = :c and m.status = :invited"
                                + INVITATIONS.from(page), Membership.class)
                .setParameter("c", context.company().id()).setParameter("invited", MemberStatus.INVITED), page, Cursor::firstInstant).getResultList();
    }

    private static final Keyset INVITATIONS = Keyset.newestFirst("m.invitedAt", "m.id");

    public static Cursor cursorAfter(Membership last) {
        return Cursor.after(last.invitedAt(), last.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countInvitationsToMe() {
        return em.createQuery("select count(m) from Membership m where m.companyId = :c and m.status = :invited", Long.class)
                .setParameter("c", context.company().id()).setParameter("invited", MemberStatus.INVITED).getSingleResult();
    }

    /** An invitation its invited company or the consortium's leader may see; 404 for everyone else. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Membership invitation(String id) {
        Membership invitation = id == null ? null : em.find(Membership.class, id);
        String me = context.company().id();
        if (invitation == null || !(invitation.companyId().equals(me) || invitation.consortium().isLedBy(me))) {
            throw ProblemException.notFound("Invitation " + id);
        }
        return invitation;
    }

    private Membership invitationToMe(String id, IfMatch ifMatch) {
        Membership invitation = invitation(id);
        if (!invitation.companyId().equals(context.company().id())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the invited company answers its invitation");
        }
        context.requireAnyOf(Role.BID_MANAGER, Role.COMPANY_ADMIN);
        em.lock(invitation, LockModeType.PESSIMISTIC_WRITE);
        ifMatch.require(invitation.version(), "invitation");
        return invitation;
    }

    public Membership accept(String invitationId, IfMatch ifMatch) {
        Membership invitation = invitationToMe(invitationId, ifMatch);
        invitation.consortium().accept(invitation, context.caller().userId(), clock.instant());
        em.flush();
        audit.record(invitation.consortium().id(), "consortium.invitation-accepted", "membership", invitationId,
                new AuditTrail.Change(MemberStatus.INVITED, MemberStatus.ACTIVE));
        return invitation;
    }

    public Membership decline(String invitationId, IfMatch ifMatch) {
        Membership invitation = invitationToMe(invitationId, ifMatch);
        invitation.consortium().decline(invitation, context.caller().userId(), clock.instant());
        em.flush();
        audit.record(invitation.consortium().id(), "consortium.invitation-declined", "membership", invitationId,
                new AuditTrail.Change(MemberStatus.INVITED, MemberStatus.DECLINED));
        return invitation;
    }

    public Membership withdrawInvitation(String invitationId, IfMatch ifMatch) {
        Membership invitation = invitation(invitationId);
        Consortium consortium = invitation.consortium();
        if (!consortium.isLedBy(context.company().id())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the leader withdraws an invitation; the invited company declines it");
        }
        context.requireAnyOf(Role.BID_MANAGER);
        em.lock(invitation, LockModeType.PESSIMISTIC_WRITE);
        ifMatch.require(invitation.version(), "invitation");
        consortium.withdrawInvitation(invitation, context.caller().userId(), clock.instant());
        em.flush();
        audit.record(consortium.id(), "consortium.invitation-withdrawn", "membership", invitationId,
                new AuditTrail.Change(MemberStatus.INVITED, MemberStatus.WITHDRAWN));
        return invitation;
    }

    /** The caller's company leaves the consortium. */
    public Membership withdraw(String consortiumId, IfMatch ifMatch) {
        Consortium consortium = visible(consortiumId);
        context.requireAnyOf(Role.BID_MANAGER);
        Membership mine = consortium.membershipOf(context.company().id()).orElseThrow();
        em.lock(mine, LockModeType.PESSIMISTIC_WRITE);
        ifMatch.require(mine.version(), "membership");
        consortium.withdraw(mine, context.caller().userId(), clock.instant());
        em.flush();
        audit.record(consortiumId, "consortium.member-withdrew", "membership", mine.id(),
                new AuditTrail.Change(MemberStatus.ACTIVE, MemberStatus.WITHDRAWN));
        return mine;
    }

    // ---- allocation -----------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public CurrentAllocation allocation(String consortiumId, Integer version) {
        Consortium consortium = visible(consortiumId);
        String jpql = version == null
                ? "select a from AllocationVersion a where a.consortiumId = :c order by a.version desc"
                : "select a from AllocationVersion a where a.consortiumId = :c and a.version = :v";
        var query = em.createQuery(jpql, AllocationVersion.class).setParameter("c", consortiumId).setMaxResults(1);
        if (version != null) {
            query.setParameter("v", version);
        }
        Optional<AllocationVersion> saved = query.getResultStream().findFirst();
        if (saved.isEmpty()) {
            if (version != null && version != 0) {
                throw ProblemException.notFound("Allocation version " + version);
            }
            return new CurrentAllocation(Allocation.fromMembers(consortium.activeMembers()), 0, null, null);
        }
        return new CurrentAllocation(JSON.fromJson(saved.get().document(), Allocation.class), saved.get().version(),
                saved.get().createdAt(), saved.get().createdByName());
    }

    /** Saves a new version of the allocation when it breaks no rule and If-Match names the current version. */
    public CurrentAllocation allocate(String consortiumId, Allocation allocation, IfMatch ifMatch) {
        // Serialise writers of this consortium's allocation, so that the second of two with the same ETag sees it
        // stale. The lock is the transaction's first read: under REPEATABLE READ a plain read before it would fix
        // the snapshot, and the second writer would not see the first one's version.
        Consortium consortium = ledByCaller(em.find(Consortium.class, consortiumId, LockModeType.PESSIMISTIC_WRITE));
        CurrentAllocation current = allocation(consortiumId, null);
        ifMatch.require(current.version(), "allocation");
        Set<String> active = consortium.activeMembers().stream().map(Membership::companyAlias).collect(Collectors.toSet());
        List<Problem.FieldError> violations = allocation.violations(aliasOf(consortium.leaderCompanyId()), active);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATED,
                    "The allocation breaks " + violations.size() + " rule(s): " + violations.get(0).message(), violations);
        }
        int next = current.version() + 1;
        em.persist(new AllocationVersion(consortiumId, next, JSON.toJson(allocation), clock.instant(),
                context.caller().userId(), context.caller().name()));
        Map<String, Set<MemberRole>> roles = allocation.rolesByCompany();
        consortium.activeMembers().forEach(m -> m.assignRoles(roles.getOrDefault(m.companyAlias(), m.roles())));
        em.flush();
        audit.record(consortiumId, "consortium.allocated", "allocation", consortiumId + "#" + next,
                new AuditTrail.Change(current.version() == 0 ? null : current.allocation(), allocation));
        return new CurrentAllocation(allocation, next, clock.instant(), context.caller().name());
    }
}
