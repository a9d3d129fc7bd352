package dev.kakehashi.consortium;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One saved allocation of a consortium, kept for ever: version N, its document, who saved it and when. */
@Entity
@Immutable
@Table(name = "allocation_version")
public class AllocationVersion {

    @Id
    private String id;

    @Column(name = "consortium_id", nullable = false, updatable = false)
    private String consortiumId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false, columnDefinition = "MEDIUMTEXT")
    private String document;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by_id", nullable = false, updatable = false)
    private String createdById;

    @Column(name = "created_by_name", updatable = false)
    private String createdByName;

    protected AllocationVersion() {
    }

    AllocationVersion(String consortiumId, int version, String document, Instant createdAt, String createdById, String createdByName) {
        this.id = UUID.randomUUID().toString();
        this.consortiumId = consortiumId;
        this.version = version;
        this.document = document;
        this.createdAt = createdAt;
        this.createdById = createdById;
        this.createdByName = createdByName;
    }

    public int version() {
        return version;
    }

    public String document() {
        return document;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdByName() {
        return createdByName;
    }
}
