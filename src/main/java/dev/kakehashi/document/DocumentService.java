package dev.kakehashi.document;

import dev.kakehashi.company.Company;
import dev.kakehashi.consortium.Consortium;
import dev.kakehashi.consortium.ConsortiumService;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The document register as the caller's company may see it: the documents it owns. (Transmittals,
 * which make revisions visible to other members, come with the rest of document control.)
 */
@ApplicationScoped
@Transactional
public class DocumentService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    ConsortiumService consortia;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    DocumentNumbers numbers;

    /** List filters; null means any. {@code text} matches number or any title. */
    public record Filter(String discipline, String type, DocumentStatus status, String text) {
    }

    /** Registers a document of the caller's company in a consortium it is an active member of, as revision A. */
    public Document register(String consortiumId, String discipline, String type, Map<String, String> titles, DocumentRevision.Content content) {
        Consortium consortium = consortia.visible(consortiumId);
        context.requireAnyOf(Role.CONTRIBUTOR, Role.BID_MANAGER);
        Company company = context.company();
        String prefix = consortium.code() + "-" + company.numberingCode() + "-" + discipline + "-" + type;
        numbers.ensureSequence(consortiumId, prefix);
        String number = prefix + "-" + String.format("%04d", numbers.next(consortiumId, prefix));
        Document document = Document.register(consortiumId, company.id(), number, discipline, type, titles, content,
                context.caller().userId(), clock.instant());
        em.persist(document);
        em.flush();
        audit.record(consortiumId, "document.registered", "document", document.id(),
                AuditTrail.Change.created(Map.of("number", number, "revision", "A", "file", content.fileName(), "sha256", content.sha256())));
        return document;
    }

    /** A document the caller's company owns; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Document visible(String id) {
        Document document = em.find(Document.class, id);
        if (document == null || !document.isOwnedBy(context.company().id())) {
            throw ProblemException.notFound("Document " + id);
        }
        return document;
    }

    public DocumentRevision revise(String id, DocumentRevision.Content content) {
        Document document = visible(id);
        context.requireAnyOf(Role.CONTRIBUTOR, Role.BID_MANAGER);
        String before = document.currentRevision();
        DocumentRevision revision = document.revise(content, context.caller().userId(), clock.instant());
        em.flush();
        audit.record(document.consortiumId(), "document.revised", "document", id,
                new AuditTrail.Change(before, Map.of("revision", revision.label(), "file", content.fileName(), "sha256", content.sha256())));
        return revision;
    }

    public Document withdraw(String id) {
        Document document = visible(id);
        context.requireAnyOf(Role.CONTRIBUTOR, Role.BID_MANAGER);
        DocumentStatus before = document.status();
        document.withdraw();
        em.flush();
        audit.record(document.consortiumId(), "document.withdrawn", "document", id, new AuditTrail.Change(before, DocumentStatus.WITHDRAWN));
        return document;
    }

    /** The revision to download, and a record of who downloads it. */
    public DocumentRevision download(String id, String label) {
        Document document = visible(id);
        DocumentRevision revision = document.revision(label).orElseThrow(() -> ProblemException.notFound("Revision " + label));
        audit.record(document.consortiumId(), "document.downloaded", "document", id,
                AuditTrail.Change.created(Map.of("number", document.number(), "revision", label)));
        return revision;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Document> list(String consortiumId, Filter filter, PageRequest page) {
        consortia.visible(consortiumId);
        return query("select d from Document d", Document.class, consortiumId, filter, " order by d.number")
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String consortiumId, Filter filter) {
        return query("select count(d) from Document d", Long.class, consortiumId, filter, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, Class<T> type, String consortiumId, Filter f, String order) {
        StringBuilder jpql = new StringBuilder(select).append(" where d.consortiumId = :k and d.ownerCompanyId = :company");
        if (f.discipline() != null) {
            jpql.append(" and d.discipline = :discipline");
        }
        if (f.type() != null) {
            jpql.append(" and d.type = :type");
        }
        if (f.status() != null) {
            jpql.append(" and d.status = :status");
        }
        if (f.text() != null) {
            jpql.append(" and (lower(d.number) like :text or exists (select 1 from Document t join t.titles title where t = d and lower(title) like :text))");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type)
                .setParameter("k", consortiumId).setParameter("company", context.company().id());
        if (f.discipline() != null) {
            query.setParameter("discipline", f.discipline());
        }
        if (f.type() != null) {
            query.setParameter("type", f.type());
        }
        if (f.status() != null) {
            query.setParameter("status", f.status());
        }
        if (f.text() != null) {
            query.setParameter("text", "%" + f.text().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        return query;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String ownerAlias(Document document) {
        return consortia.aliasOf(document.ownerCompanyId());
    }

    /** Refused before anything is stored when the caller may not register in this consortium. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireMayRegister(String consortiumId) {
        consortia.visible(consortiumId);
        context.requireAnyOf(Role.CONTRIBUTOR, Role.BID_MANAGER);
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(ProblemType.CONTENT_TOO_LARGE, "The file is larger than the limit of " + maxBytes + " bytes");
    }
}
