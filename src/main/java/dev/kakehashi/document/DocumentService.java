package dev.kakehashi.document;

import dev.kakehashi.platform.api.Cursor;
import dev.kakehashi.platform.persistence.Keyset;
import dev.kakehashi.company.Company;
import dev.kakehashi.company.CompanyDirectory;
import dev.kakehashi.consortium.Consortium;
import dev.kakehashi.consortium.ConsortiumService;
import dev.kakehashi.platform.api.IfMatch;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;

/**
 * The document register as the caller's company may see it: the documents it owns (every revision),
 * and the revisions other members transmitted to it (only those). Anything else is "not found".
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

    @Inject
    CompanyDirectory companies;

    /** List filters; null means any. {@code text} matches number or any title. */
    public record Filter(String discipline, String type, DocumentStatus status, String ownerCompanyId, String text) {
    }

    /** A document as the caller's company may read it: all revisions when it owns it, else the transmitted ones. */
    public record Readable(Document document, boolean owned, Set<String> revisions) {

        static Readable ofOwner(Document document) {
            return new Readable(document, true, document.revisions().stream().map(DocumentRevision::label).collect(Collectors.toSet()));
        }

        public List<DocumentRevision> visibleRevisions() {
            return document.revisions().stream().filter(r -> revisions.contains(r.label())).toList();
        }

        /** The newest revision the caller may read. */
        public String latestRevision() {
            List<DocumentRevision> visible = visibleRevisions();
            return visible.get(visible.size() - 1).label();
        }

        /** The document's status, shown to a recipient only while the revision it holds is the current one. */
        public DocumentStatus status() {
            return owned || revisions.contains(document.currentRevision()) ? document.status() : null;
        }
    }

    /** Documents another company may see: transmitted to it in at least one revision. */
    static final String TRANSMITTED_TO_COMPANY =
            "exists (select 1 from Transmittal t join t.revisions i join t.recipients r where i.documentId = d.id and r.companyId = :company)";

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

    /** A document the caller's company owns, in a consortium it is still an active member of; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Document owned(String id) {
        Readable readable = readable(id);
        if (!readable.owned()) {
            throw ProblemException.notFound("Document " + id);
        }
        return readable.document();
    }

    /** A document the caller's company owns or received in a transmittal; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Readable readable(String id) {
        String company = context.company().id();
        Document document = id == null ? null : em.find(Document.class, id);
        if (document == null || !consortia.isActiveMember(document.consortiumId(), company)) {
            throw ProblemException.notFound("Document " + id);
        }
        Readable readable = readableOf(document);
        if (readable.revisions().isEmpty()) {
            throw ProblemException.notFound("Document " + id);
        }
        return readable;
    }

    /** How the caller's company sees a document found by a query that already applied the visibility rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Readable readableOf(Document document) {
        String company = context.company().id();
        return document.isOwnedBy(company) ? Readable.ofOwner(document)
                : new Readable(document, false, transmittedRevisions(document.id(), company));
    }

    /** The revisions of a document transmitted to a company. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> transmittedRevisions(String documentId, String companyId) {
        return new HashSet<>(em.createQuery("select i.revision from Transmittal t join t.revisions i join t.recipients r "
                        + "where i.documentId = :d and r.companyId = :c", String.class)
                .setParameter("d", documentId).setParameter("c", companyId).getResultList());
    }

    public DocumentRevision revise(String id, DocumentRevision.Content content) {
        Document document = owned(id);
        context.requireAnyOf(Role.CONTRIBUTOR, Role.BID_MANAGER);
        String before = document.currentRevision();
        DocumentRevision revision = document.revise(content, context.caller().userId(), clock.instant());
        em.flush();
        audit.record(document.consortiumId(), "document.revised", "document", id,
                new AuditTrail.Change(before, Map.of("revision", revision.label(), "file", content.fileName(), "sha256", content.sha256())));
        return revision;
    }

    public Document withdraw(String id, IfMatch ifMatch) {
        Document document = owned(id);
        context.requireAnyOf(Role.CONTRIBUTOR, Role.BID_MANAGER);
        em.lock(document, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ifMatch.require(document.version(), "document");
        DocumentStatus before = document.status();
        document.withdraw();
        em.flush();
        audit.record(document.consortiumId(), "document.withdrawn", "document", id, new AuditTrail.Change(before, DocumentStatus.WITHDRAWN));
        return document;
    }

    /** The revision to download, and a record of who downloads it. */
    public DocumentRevision download(String id, String label) {
        Readable readable = readable(id);
        Document document = readable.document();
        if (!readable.revisions().contains(label)) {
            throw ProblemException.notFound("Revision " + label);
        }
        DocumentRevision revision = document.revision(label).orElseThrow(() -> ProblemException.notFound("Revision " + label));
        audit.record(document.consortiumId(), "document.downloaded", "document", id,
                AuditTrail.Change.created(Map.of("number", document.number(), "revision", label)));
        return revision;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Document> list(String consortiumId, Filter filter, PageRequest page) {
        consortia.visible(consortiumId);
        return ORDER.bind(query("select d from Document d", Document.class, consortiumId, filter, ORDER.from(page)), page,
                Cursor::first).getResultList();
    }

    /** The register's order (by number), which its cursor follows. */
    private static final Keyset ORDER = Keyset.ascending("d.number", "d.id");

    public static Cursor cursorAfter(Document last) {
        return Cursor.after(last.number(), last.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String consortiumId, Filter filter) {
        consortia.visible(consortiumId);
        return query("select count(d) from Document d", Long.class, consortiumId, filter, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, Class<T> type, String consortiumId, Filter f, String order) {
        StringBuilder jpql = new StringBuilder(select).append(" where d.consortiumId = :k and (d.ownerCompanyId = :company or ")
                .append(TRANSMITTED_TO_COMPANY).append(")");
        if (f.ownerCompanyId() != null) {
            jpql.append(" and d.ownerCompanyId = :owner");
        }
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
        if (f.ownerCompanyId() != null) {
            query.setParameter("owner", f.ownerCompanyId());
        }
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

    /** The id behind an owner filter; an unknown alias filters everything out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String companyIdOf(String alias) {
        if (alias == null || alias.isBlank()) {
            return null;
        }
        return companies.byAlias(alias.strip()).map(Company::id).orElse("-");
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

    /** Refused before anything is stored when the caller may not add a revision to this document. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireMayRevise(String documentId) {
        Document document = owned(documentId);
        context.requireAnyOf(Role.CONTRIBUTOR, Role.BID_MANAGER);
        document.requireRevisable();
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(ProblemType.CONTENT_TOO_LARGE, "The file is larger than the limit of " + maxBytes + " bytes");
    }
}
