package dev.kakehashi.document;

import dev.kakehashi.platform.api.ProblemException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A bid document in a consortium workspace, owned by the member company that registered it. It is
 * numbered once from the consortium's scheme; every upload is a new revision (A, B, C …) that
 * supersedes the previous one, and nothing is ever overwritten or deleted: a document is withdrawn.
 */
@Entity
@Table(name = "document")
public class Document {

    @Id
    private String id;

    @Column(name = "consortium_id", nullable = false, updatable = false)
    private String consortiumId;

    @Column(name = "owner_company_id", nullable = false, updatable = false)
    private String ownerCompanyId;

    @Column(nullable = false, updatable = false, length = 80)
    private String number;

    @Column(nullable = false, updatable = false, length = 8)
    private String discipline;

    @Column(nullable = false, updatable = false, length = 8)
    private String type;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "document_title", joinColumns = @JoinColumn(name = "document_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "title", nullable = false, length = TITLE_LENGTH)
    private Map<String, String> titles = new HashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentStatus status;

    @Column(name = "current_revision", nullable = false, length = 4)
    private String currentRevision;

    @OneToMany(mappedBy = "document", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("uploadedAt")
    private List<DocumentRevision> revisions = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    /** The longest title in one language, and how many languages a title has at most: as the columns allow. */
    public static final int TITLE_LENGTH = 300;
    /** Discipline and type codes (ELE, SPC): two to six capital letters. */
    public static final int CODE_LENGTH = 6;
    public static final int MAX_TITLE_LANGUAGES = 8;
    /** A title's language: an ISO 639 code, optionally with a region (ja, ko, en, zh-TW). */
    public static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

    protected Document() {
    }

    /** Refuses titles the register cannot keep: none, too many languages, or one too long. */
    static void requireTitles(Map<String, String> titles) {
        if (titles == null || titles.isEmpty() || titles.values().stream().allMatch(t -> t == null || t.isBlank())) {
            throw ProblemException.ruleViolated("title", "required", "A document has a title in at least one language");
        }
        if (titles.size() > MAX_TITLE_LANGUAGES) {
            throw ProblemException.ruleViolated("title", "too-many", "A title has at most " + MAX_TITLE_LANGUAGES + " languages");
        }
        titles.forEach((lang, title) -> {
            if (!LANGUAGE.matcher(lang).matches()) {
                throw ProblemException.ruleViolated("title", "language", lang + " is no language code such as en, ja or ko");
            }
            if (title != null && title.length() > TITLE_LENGTH) {
                throw ProblemException.ruleViolated("title." + lang, "too-long", "A title has at most " + TITLE_LENGTH + " characters");
            }
        });
    }

    static Document register(String consortiumId, String ownerCompanyId, String number, String discipline, String type,
                             Map<String, String> titles, DocumentRevision.Content content, String by, Instant now) {
        requireTitles(titles);
        Document d = new Document();
        d.id = UUID.randomUUID().toString();
        d.consortiumId = consortiumId;
        d.ownerCompanyId = ownerCompanyId;
        d.number = number;
        d.discipline = discipline;
        d.type = type;
        d.titles = new HashMap<>();
        titles.forEach((lang, title) -> {
            if (title != null && !title.isBlank()) {
                d.titles.put(lang, title.strip());
            }
        });
        d.status = DocumentStatus.DRAFT;
        d.createdAt = now;
        d.createdBy = by;
        d.revisions.add(new DocumentRevision(d, "A", content, by, now));
        d.currentRevision = "A";
        return d;
    }

    /** Adds the next revision; the one before it is superseded, never replaced. */
    DocumentRevision revise(DocumentRevision.Content content, String by, Instant now) {
        requireRevisable();
        revisions.forEach(DocumentRevision::supersede);
        String next = nextLabel(currentRevision);
        DocumentRevision revision = new DocumentRevision(this, next, content, by, now);
        revisions.add(revision);
        currentRevision = next;
        status = DocumentStatus.DRAFT;
        return revision;
    }

    void requireRevisable() {
        if (status == DocumentStatus.WITHDRAWN) {
            throw ProblemException.ruleViolated("A withdrawn document takes no new revision", "status", "not-withdrawn",
                    "the document is withdrawn");
        }
    }

    /** A review started on the current revision puts the document in review; on an older one it changes nothing. */
    void reviewStarted(String revision) {
        if (status == DocumentStatus.WITHDRAWN) {
            throw ProblemException.ruleViolated("A withdrawn document is not reviewed", "status", "not-withdrawn", "the document is withdrawn");
        }
        if (revision.equals(currentRevision)) {
            status = DocumentStatus.IN_REVIEW;
        }
    }

    /** The outcome of a review of the current revision becomes the document's status. */
    void reviewEnded(String revision, ReviewStatus outcome) {
        if (revision.equals(currentRevision) && status == DocumentStatus.IN_REVIEW) {
            status = outcome == ReviewStatus.APPROVED ? DocumentStatus.APPROVED : DocumentStatus.RETURNED;
        }
    }

    void withdraw() {
        if (status == DocumentStatus.WITHDRAWN) {
            throw ProblemException.ruleViolated("The document is already withdrawn", "status", "not-withdrawn", "the document is withdrawn");
        }
        status = DocumentStatus.WITHDRAWN;
    }

    /** A, B, … Z, AA, AB, … */
    static String nextLabel(String label) {
        char[] chars = label.toCharArray();
        for (int i = chars.length - 1; i >= 0; i--) {
            if (chars[i] < 'Z') {
                chars[i]++;
                return new String(chars);
            }
            chars[i] = 'A';
        }
        return "A" + new String(chars);
    }

    public Optional<DocumentRevision> revision(String label) {
        return revisions.stream().filter(r -> r.label().equals(label)).findFirst();
    }

    public boolean isOwnedBy(String companyId) {
        return ownerCompanyId.equals(companyId);
    }

    public String id() {
        return id;
    }

    public String consortiumId() {
        return consortiumId;
    }

    public String ownerCompanyId() {
        return ownerCompanyId;
    }

    public String number() {
        return number;
    }

    public String discipline() {
        return discipline;
    }

    public String type() {
        return type;
    }

    public Map<String, String> titles() {
        return Map.copyOf(titles);
    }

    /** The title in a language, else in English, else the first there is. */
    public String titleIn(java.util.Locale locale) {
        String mine = titles.get(locale.getLanguage());
        return mine != null ? mine : titles.getOrDefault("en", titles.values().stream().findFirst().orElse(""));
    }

    public DocumentStatus status() {
        return status;
    }

    public String currentRevision() {
        return currentRevision;
    }

    public List<DocumentRevision> revisions() {
        return List.copyOf(revisions);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
