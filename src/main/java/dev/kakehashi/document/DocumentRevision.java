package dev.kakehashi.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One upload of a document: never overwritten; a later revision supersedes it. */
@Entity
@Table(name = "document_revision")
public class DocumentRevision {

    /** CURRENT or SUPERSEDED. */
    public enum State { CURRENT, SUPERSEDED }

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "document_id", nullable = false, updatable = false)
    private Document document;

    @Column(nullable = false, updatable = false, length = 4)
    private String label;

    @Column(name = "blob_key", nullable = false, updatable = false)
    private String blobKey;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private long size;

    @Column(name = "media_type", nullable = false, updatable = false, length = MEDIA_TYPE_LENGTH)
    private String mediaType;

    @Column(name = "file_name", nullable = false, updatable = false, length = FILE_NAME_LENGTH)
    private String fileName;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private State status;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    protected DocumentRevision() {
    }

    DocumentRevision(Document document, String label, Content content, String by, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.document = document;
        this.label = label;
        this.blobKey = content.blobKey();
        this.sha256 = content.sha256();
        this.size = content.size();
        this.mediaType = content.mediaType();
        this.fileName = content.fileName();
        this.status = State.CURRENT;
        this.uploadedAt = now;
        this.uploadedBy = by;
    }

    /** The longest file name and media type kept (the columns' sizes). */
    public static final int FILE_NAME_LENGTH = 500;
    public static final int MEDIA_TYPE_LENGTH = 200;
    private static final java.util.regex.Pattern MEDIA_TYPE =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=(\"[^\"\\p{Cntrl}]*\"|[A-Za-z0-9!#$&^_.+-]+))*");

    /**
     * The name a file is kept under: as the uploader named it (UTF-8, Japanese and Korean included),
     * without any folder a browser may have put before it; refused when too long or holding control characters.
     */
    static String fileName(String sent) {
        String name = sent.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.isEmpty() || name.length() > FILE_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw dev.kakehashi.platform.api.ProblemException.ruleViolated("file", "file-name",
                    "A file name has 1 to " + FILE_NAME_LENGTH + " characters and no control characters");
        }
        return name;
    }

    /** The media type as sent when it is one, else application/octet-stream. */
    static String mediaType(String sent) {
        if (sent == null || sent.isBlank() || sent.length() > MEDIA_TYPE_LENGTH) {
            return "application/octet-stream";
        }
        String type = sent.strip();
        return MEDIA_TYPE.matcher(type).matches() ? type : "application/octet-stream";
    }

    /** What was uploaded: where the blob is, its hash and size, and how the uploader named and typed it. */
    public record Content(String blobKey, String sha256, long size, String mediaType, String fileName) implements java.io.Serializable {
    }

    void supersede() {
        status = State.SUPERSEDED;
    }

    public String label() {
        return label;
    }

    public String blobKey() {
        return blobKey;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public State status() {
        return status;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }
}
