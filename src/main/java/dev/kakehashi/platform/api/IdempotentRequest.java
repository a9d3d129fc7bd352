package dev.kakehashi.platform.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The remembered outcome of a create made with an Idempotency-Key, per company. */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest {

    @Id
    private String id;

    @TenantId
    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    /** The person or ERP client that used the key: keys are never shared, not even within a company. */
    @Column(name = "caller_id", nullable = false, updatable = false)
    private String callerId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "fingerprint", nullable = false, updatable = false)
    private String fingerprint;

    @Column(name = "response_status", nullable = false)
    private int status;

    @Column(name = "response_location")
    private String location;

    @Column(name = "response_body", columnDefinition = "MEDIUMTEXT")
    private String body;

    @Column(name = "resource_id", updatable = false)
    private String resourceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IdempotentRequest() {
    }

    IdempotentRequest(String callerId, String key, String fingerprint, int status, String location, String body, String resourceId,
                      Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.callerId = callerId;
        this.resourceId = resourceId;
        this.key = key;
        this.fingerprint = fingerprint;
        this.status = status;
        this.location = location;
        this.body = body;
        this.createdAt = createdAt;
    }

    boolean hasExpired(Instant oldestKept) {
        return createdAt.isBefore(oldestKept);
    }

    String resourceId() {
        return resourceId;
    }

    boolean sameRequestAs(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint);
    }

    int status() {
        return status;
    }

    String location() {
        return location;
    }

    String body() {
        return body;
    }
}
