package dev.kakehashi.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One thing that happened: who (person and company), when (UTC), what, to which subject, and a short
 * before/after summary. Append-only: the entity is immutable and nothing in the application updates
 * or deletes audit rows.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private String id;

    @Column(name = "consortium_id", updatable = false)
    private String consortiumId;

    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    @Column(name = "company_alias", nullable = false, updatable = false)
    private String companyAlias;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private String actorId;

    @Column(name = "actor_name", updatable = false)
    private String actorName;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(name = "summary", columnDefinition = "TEXT", updatable = false)
    private String summary;

    protected AuditEvent() {
    }

    AuditEvent(String consortiumId, String companyId, String companyAlias, String actorId, String actorName, Instant occurredAt,
               String action, String subjectType, String subjectId, String summary) {
        this.id = UUID.randomUUID().toString();
        this.consortiumId = consortiumId;
        this.companyId = companyId;
        this.companyAlias = companyAlias;
        this.actorId = actorId;
        this.actorName = actorName;
        this.occurredAt = occurredAt;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String companyAlias() {
        return companyAlias;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String summary() {
        return summary;
    }
}
