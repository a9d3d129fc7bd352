package dev.kakehashi.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/** A member company a transmittal was sent to, and whether (and by whom) it acknowledged receipt. */
@Embeddable
public class TransmittalRecipient {

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    protected TransmittalRecipient() {
    }

    TransmittalRecipient(String companyId) {
        this.companyId = companyId;
    }

    void acknowledge(String by, Instant at) {
        acknowledgedAt = at;
        acknowledgedBy = by;
    }

    public String companyId() {
        return companyId;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransmittalRecipient r && r.companyId.equals(companyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(companyId);
    }
}
