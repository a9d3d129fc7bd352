package dev.kakehashi.platform.audit;

import dev.kakehashi.platform.api.Cursor;
import dev.kakehashi.platform.persistence.Keyset;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.security.Caller;
import dev.kakehashi.platform.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes audit events in the transaction of the change they describe, so that a change and its
 * record commit or roll back together; reads a consortium's trail for its members.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    Clock clock;

    /** A change seen before and after; either side may be null (created, or nothing left to show). */
    public record Change(Object before, Object after) {
        public static Change created(Object after) {
            return new Change(null, after);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String consortiumId, String action, String subjectType, String subjectId, Change change) {
        Caller caller = context.caller();
        em.persist(new AuditEvent(consortiumId, context.company().id(), caller.companyAlias(), caller.userId(), caller.name(),
                clock.instant(), action, subjectType, subjectId, summary(change)));
    }

    /**
     * An administrative event of a company, outside any consortium: its users, SSO link and API
     * clients, or its onboarding by the platform operator (who has no company of its own, so the
     * event is filed under the company it acted on).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAdministration(String companyId, String companyAlias, String action, String subjectType, String subjectId,
                                     Change change) {
        Caller caller = context.caller();
        em.persist(new AuditEvent(null, companyId, companyAlias, caller.userId(), caller.name(), clock.instant(), action,
                subjectType, subjectId, summary(change)));
    }

    /**
     * A sign-in the application refused (the verified e-mail is not at one of the company's domains).
     * Nobody is signed in to act: the event names the refused person as its actor, in a transaction of its own.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusedSignIn(String companyId, String companyAlias, String userId, String name, String email) {
        em.persist(new AuditEvent(null, companyId, companyAlias, userId, name, clock.instant(), "sign-in.refused", "company-user", userId,
                summary(new Change(null, Map.of("email", email, "reason", "e-mail not at one of the company's domains")))));
    }

    /** A company's administrative trail (users, SSO, API clients, onboarding), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> administrationOf(String companyId, PageRequest page) {
        return NEWEST_FIRST.bind(em.createQuery("select e from AuditEvent e where e.companyId = :c and e.consortiumId is null and e.subjectType in :types"
                                + NEWEST_FIRST.from(page), AuditEvent.class)
                .setParameter("c", companyId)
                .setParameter("types", ADMINISTRATION), page, Cursor::firstInstant)
                .getResultList();
    }

    /** Trails are read newest first; a cursor goes on from the last event read. */
    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("e.occurredAt", "e.id");

    public static Cursor cursorAfter(AuditEvent last) {
        return Cursor.after(last.occurredAt(), last.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countAdministrationOf(String companyId) {
        return em.createQuery("select count(e) from AuditEvent e where e.companyId = :c and e.consortiumId is null and e.subjectType in :types",
                        Long.class)
                .setParameter("c", companyId)
                .setParameter("types", ADMINISTRATION)
                .getSingleResult();
    }

    /** Subject types of administrative events. */
    public static final List<String> ADMINISTRATION = List.of("company", "company-user", "sso", "erp-client");

    private static String summary(Change change) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("before", change.before());
        summary.put("after", change.after());
        return JSON.toJson(summary);
    }

    /** The trail of a consortium, newest first. The caller must already be known to be an active member. */
    /**
     * Events about documents, transmittals and reviews name documents and files that other members may
     * not see; in the consortium's trail each company sees only those its own people caused.
     */
    static final String VISIBLE_TO_CALLER = " and (e.subjectType not in ('document', 'transmittal', 'review', 'price-contribution') or e.companyId = :me)";

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> ofConsortium(String consortiumId, PageRequest page) {
        return NEWEST_FIRST.bind(em.createQuery("select e from AuditEvent e where e.consortiumId = :c" + VISIBLE_TO_CALLER
                                + NEWEST_FIRST.from(page), AuditEvent.class)
                .setParameter("c", consortiumId)
                .setParameter("me", context.company().id()), page, Cursor::firstInstant)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countOfConsortium(String consortiumId) {
        return em.createQuery("select count(e) from AuditEvent e where e.consortiumId = :c" + VISIBLE_TO_CALLER, Long.class)
                .setParameter("c", consortiumId)
                .setParameter("me", context.company().id())
                .getSingleResult();
    }

    /** Events of one subject, newest first (for example an opportunity before any consortium exists). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> ofSubject(String subjectType, String subjectId) {
        return em.createQuery("select e from AuditEvent e where e.subjectType = :t and e.subjectId = :s order by e.occurredAt desc, e.id",
                        AuditEvent.class)
                .setParameter("t", subjectType)
                .setParameter("s", subjectId)
                .getResultList();
    }
}
