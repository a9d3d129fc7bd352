package dev.kakehashi.document;

import dev.kakehashi.platform.api.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The formal sending of revisions of the sender company's documents to other member companies. It is
 * the only way a document becomes visible to another company, and then only the revisions it names.
 * Once sent it does not change, except that each recipient company acknowledges it once.
 */
@Entity
@Table(name = "transmittal")
public class Transmittal {

    @Id
    private String id;

    @Column(name = "consortium_id", nullable = false, updatable = false)
    private String consortiumId;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "sender_company_id", nullable = false, updatable = false)
    private String senderCompanyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TransmittalPurpose purpose;

    @Column(nullable = false, updatable = false, length = MESSAGE_LENGTH)
    private String message;

    @Column(name = "due_at", updatable = false)
    private Instant dueAt;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "sent_by", nullable = false, updatable = false)
    private String sentBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "transmittal_item", joinColumns = @JoinColumn(name = "transmittal_id"))
    private Set<TransmittedRevision> revisions = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "transmittal_recipient", joinColumns = @JoinColumn(name = "transmittal_id"))
    private Set<TransmittalRecipient> recipients = new HashSet<>();

    @Version
    private long version;

    /** The longest message, and how many revisions one transmittal carries at most. */
    public static final int MESSAGE_LENGTH = 4000;
    public static final int MAX_REVISIONS = 500;

    protected Transmittal() {
    }

    static Transmittal send(String consortiumId, String number, String senderCompanyId, Set<String> recipientCompanyIds,
                            Set<TransmittedRevision> revisions, TransmittalPurpose purpose, String message, Instant dueAt,
                            String by, Instant now) {
        if (message != null && message.length() > MESSAGE_LENGTH) {
            throw ProblemException.ruleViolated("message", "too-long", "A message has at most " + MESSAGE_LENGTH + " characters");
        }
        if (revisions.size() > MAX_REVISIONS) {
            throw ProblemException.ruleViolated("revisions", "at-most-revisions", "A transmittal carries at most " + MAX_REVISIONS + " revisions");
        }
        Transmittal t = new Transmittal();
        t.id = UUID.randomUUID().toString();
        t.consortiumId = consortiumId;
        t.number = number;
        t.senderCompanyId = senderCompanyId;
        t.purpose = purpose;
        t.message = message;
        t.dueAt = dueAt;
        t.sentAt = now;
        t.sentBy = by;
        t.revisions = new HashSet<>(revisions);
        recipientCompanyIds.forEach(c -> t.recipients.add(new TransmittalRecipient(c)));
        return t;
    }

    /** The recipient company confirms receipt; the first acknowledgement stands. */
    TransmittalRecipient acknowledge(String companyId, String by, Instant now) {
        TransmittalRecipient recipient = recipient(companyId).orElseThrow(() -> ProblemException.notFound("Transmittal " + id));
        if (recipient.acknowledged()) {
            throw ProblemException.ruleViolated("Your company acknowledged this transmittal at " + recipient.acknowledgedAt(),
                    "transmittal", "acknowledged-once", "already acknowledged by your company");
        }
        recipient.acknowledge(by, now);
        return recipient;
    }

    public Optional<TransmittalRecipient> recipient(String companyId) {
        return recipients.stream().filter(r -> r.companyId().equals(companyId)).findFirst();
    }

    public boolean isSentBy(String companyId) {
        return senderCompanyId.equals(companyId);
    }

    /** Sender and recipients see a transmittal; nobody else knows it exists. */
    public boolean isVisibleTo(String companyId) {
        return isSentBy(companyId) || recipient(companyId).isPresent();
    }

    public boolean isOverdue(Instant now) {
        return dueAt != null && now.isAfter(dueAt) && recipients.stream().anyMatch(r -> !r.acknowledged());
    }

    public String id() {
        return id;
    }

    public String consortiumId() {
        return consortiumId;
    }

    public String number() {
        return number;
    }

    public String senderCompanyId() {
        return senderCompanyId;
    }

    public TransmittalPurpose purpose() {
        return purpose;
    }

    public String message() {
        return message;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String sentBy() {
        return sentBy;
    }

    public List<TransmittedRevision> revisions() {
        return revisions.stream().sorted(java.util.Comparator.comparing(TransmittedRevision::documentId)
                .thenComparing(TransmittedRevision::revision)).toList();
    }

    public List<TransmittalRecipient> recipients() {
        return recipients.stream().sorted(java.util.Comparator.comparing(TransmittalRecipient::companyId)).toList();
    }

    public long version() {
        return version;
    }
}
