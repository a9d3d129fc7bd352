package dev.kakehashi.document;

import dev.kakehashi.platform.api.Cursor;
import dev.kakehashi.platform.persistence.Keyset;
import dev.kakehashi.company.Company;
import dev.kakehashi.company.CompanyDirectory;
import dev.kakehashi.company.People;
import dev.kakehashi.company.Person;
import dev.kakehashi.consortium.Consortium;
import dev.kakehashi.consortium.ConsortiumService;
import dev.kakehashi.consortium.Membership;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.notice.Notices;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sending revisions to other members, and receiving them. */
@ApplicationScoped
@Transactional
public class TransmittalService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    ConsortiumService consortia;

    @Inject
    CompanyDirectory companies;

    @Inject
    People people;

    @Inject
    DocumentNumbers numbers;

    @Inject
    AuditTrail audit;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    /** What the sender asks for. An empty recipient list with {@code allMembers} sends to every other active member. */
    public record Dispatch(List<String> recipients, boolean allMembers, List<TransmittedRevision> revisions, TransmittalPurpose purpose,
                           String message, Instant dueAt) {
    }

    public enum Direction { SENT, RECEIVED }

    public Transmittal send(String consortiumId, Dispatch dispatch) {
        Consortium consortium = consortia.visible(consortiumId);
        context.requireAnyOf(Role.BID_MANAGER, Role.CONTRIBUTOR);
        String sender = context.company().id();
        Instant now = clock.instant();
        Set<String> recipientIds = recipients(consortium, sender, dispatch);
        for (int i = 0; i < dispatch.revisions().size(); i++) {
            TransmittedRevision item = dispatch.revisions().get(i);
            Document document = em.find(Document.class, item.documentId());
            if (document == null || !document.consortiumId().equals(consortiumId) || !document.isOwnedBy(sender)) {
                throw ProblemException.ruleViolated("revisions[" + i + "].documentId", "own-document",
                        "not a document of your company in this consortium");
            }
            if (document.revision(item.revision()).isEmpty()) {
                throw ProblemException.ruleViolated("revisions[" + i + "].revision", "existing-revision",
                        document.number() + " has no revision " + item.revision());
            }
            if (document.status() == DocumentStatus.WITHDRAWN) {
                throw ProblemException.ruleViolated("revisions[" + i + "].documentId", "not-withdrawn", document.number() + " is withdrawn");
            }
        }
        if (dispatch.dueAt() != null && !dispatch.dueAt().isAfter(now)) {
            throw ProblemException.ruleViolated("dueAt", "due-in-future", "the due date must be in the future");
        }
        String prefix = consortium.code() + "-TR";
        numbers.ensureSequence(consortiumId, prefix);
        String number = prefix + "-" + String.format("%05d", numbers.next(consortiumId, prefix));
        Transmittal transmittal = Transmittal.send(consortiumId, number, sender, recipientIds, new LinkedHashSet<>(dispatch.revisions()),
                dispatch.purpose(), dispatch.message(), dispatch.dueAt(), context.caller().userId(), now);
        em.persist(transmittal);
        em.flush();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", number);
        summary.put("purpose", dispatch.purpose());
        summary.put("recipients", recipientIds.stream().map(consortia::aliasOf).sorted().toList());
        summary.put("revisions", dispatch.revisions().stream().map(r -> r.documentId() + "/" + r.revision()).toList());
        audit.record(consortiumId, "transmittal.sent", "transmittal", transmittal.id(), AuditTrail.Change.created(summary));
        String senderName = context.company().nameIn(java.util.Locale.ENGLISH);
        for (Person person : people.ofCompanies(recipientIds)) {
            if (person.hasAnyOf(Role.ACTING)) {
                notices.tell(person, "transmittal", "/transmittal.xhtml?id=" + transmittal.id(), number, senderName,
                        dispatch.purpose().name(), dispatch.revisions().size(), dispatch.message());
            }
        }
        return transmittal;
    }

    private Set<String> recipients(Consortium consortium, String sender, Dispatch dispatch) {
        Set<String> ids = new LinkedHashSet<>();
        if (dispatch.allMembers()) {
            consortium.activeMembers().stream().map(Membership::companyId).filter(c -> !c.equals(sender)).forEach(ids::add);
        }
        for (int i = 0; i < dispatch.recipients().size(); i++) {
            String alias = dispatch.recipients().get(i);
            String id = companies.byAlias(alias).map(Company::id).filter(c -> consortium.hasActiveMember(c) && !c.equals(sender))
                    .orElseThrow(() -> ProblemException.ruleViolated("recipients", "active-member", alias + " is not another active member of this consortium"));
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw ProblemException.ruleViolated("recipients", "at-least-one-recipient", "name at least one other active member, or all members");
        }
        return ids;
    }

    /** A transmittal the caller's company sent or received, in a consortium it is an active member of; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Transmittal visible(String id) {
        String company = context.company().id();
        Transmittal transmittal = id == null ? null : em.find(Transmittal.class, id);
        if (transmittal == null || !transmittal.isVisibleTo(company) || !consortia.isActiveMember(transmittal.consortiumId(), company)) {
            throw ProblemException.notFound("Transmittal " + id);
        }
        return transmittal;
    }

    public Transmittal acknowledge(String id, IfMatch ifMatch) {
        Transmittal transmittal = visible(id);
        String company = context.company().id();
        if (transmittal.recipient(company).isEmpty()) {
            throw ProblemException.ruleViolated("The sender does not acknowledge its own transmittal", "transmittal", "recipient-acknowledges",
                    "only a recipient acknowledges");
        }
        context.requireAnyOf(Role.BID_MANAGER, Role.CONTRIBUTOR, Role.COMPANY_ADMIN);
        em.lock(transmittal, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ifMatch.require(transmittal.version(), "transmittal");
        transmittal.acknowledge(company, context.caller().userId(), clock.instant());
        em.flush();
        audit.record(transmittal.consortiumId(), "transmittal.acknowledged", "transmittal", id,
                AuditTrail.Change.created(Map.of("number", transmittal.number(), "company", context.company().alias())));
        return transmittal;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Transmittal> list(String consortiumId, Direction direction, PageRequest page) {
        consortia.visible(consortiumId);
        return ORDER.bind(query("select t from Transmittal t", Transmittal.class, consortiumId, direction, ORDER.from(page)), page,
                Cursor::firstInstant).getResultList();
    }

    /** Newest first, which the cursor follows. */
    private static final Keyset ORDER = new Keyset("t.sentAt", true, "t.number", true);

    public static Cursor cursorAfter(Transmittal last) {
        return Cursor.after(last.sentAt(), last.number());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String consortiumId, Direction direction) {
        consortia.visible(consortiumId);
        return query("select count(t) from Transmittal t", Long.class, consortiumId, direction, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, Class<T> type, String consortiumId, Direction direction, String order) {
        String sent = "t.senderCompanyId = :company";
        String received = "exists (select 1 from Transmittal x join x.recipients r where x = t and r.companyId = :company)";
        String where = direction == null ? "(" + sent + " or " + received + ")" : direction == Direction.SENT ? sent : received;
        return em.createQuery(select + " where t.consortiumId = :k and " + where + order, type)
                .setParameter("k", consortiumId).setParameter("company", context.company().id());
    }

    /** Transmittals to the caller's company that nobody there has acknowledged yet, across its consortia. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Transmittal> awaitingAcknowledgement() {
        String company = context.company().id();
        return em.createQuery("select distinct t from Transmittal t join t.recipients r where r.companyId = :c and r.acknowledgedAt is null "
                        + "order by t.sentAt", Transmittal.class)
                .setParameter("c", company).getResultList().stream()
                .filter(t -> consortia.isActiveMember(t.consortiumId(), company)).toList();
    }

    /** The companies any revision of a document was transmitted to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> recipientsOf(String documentId) {
        return new java.util.HashSet<>(em.createQuery("select r.companyId from Transmittal t join t.revisions i join t.recipients r where i.documentId = :d",
                String.class).setParameter("d", documentId).getResultList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String aliasOf(String companyId) {
        return consortia.aliasOf(companyId);
    }
}
