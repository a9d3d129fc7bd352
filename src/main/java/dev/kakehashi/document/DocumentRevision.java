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

    @Column(name = "media_type", nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "file_name", nullable = false, updatable = false)
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
