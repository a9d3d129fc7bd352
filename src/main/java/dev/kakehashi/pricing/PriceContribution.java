package dev.kakehashi.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A member company's price contribution to a consortium: which of its versions is current, and whether
 * (and which) one is sealed. The prices themselves live, encrypted, in its {@link PriceContributionVersion}s.
 * Any change after a seal unseals it: a seal commits to one version, and a new version needs a new seal.
 */
@Entity
@Table(name = "price_contribution")
public class PriceContribution {

    @Id
    private String id;

    @Column(name = "consortium_id", nullable = false, updatable = false)
    private String consortiumId;

    @Column(name = "company_id", nullable = false, updatable = false)
    private String companyId;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "sealed_version")
    private Integer sealedVersion;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    @Column(length = 64)
    private String commitment;

    /** The ETag: it moves with every save and every seal. */
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected PriceContribution() {
    }

    PriceContribution(String consortiumId, String companyId) {
        this.id = UUID.randomUUID().toString();
        this.consortiumId = consortiumId;
        this.companyId = companyId;
    }

    /** The next version's number; whatever was sealed is no longer. */
    int revise() {
        currentVersion++;
        sealedVersion = null;
        sealedAt = null;
        commitment = null;
        return currentVersion;
    }

    void seal(String commitment, Instant at) {
        this.sealedVersion = currentVersion;
        this.commitment = commitment;
        this.sealedAt = at;
    }

    public boolean isSealed() {
        return sealedVersion != null && sealedVersion == currentVersion;
    }

    public String id() {
        return id;
    }

    public String consortiumId() {
        return consortiumId;
    }

    public String companyId() {
        return companyId;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public Instant sealedAt() {
        return sealedAt;
    }

    public String commitment() {
        return commitment;
    }

    public long rowVersion() {
        return rowVersion;
    }
}
