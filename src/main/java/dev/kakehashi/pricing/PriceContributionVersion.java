package dev.kakehashi.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One saved version of a contribution, kept for ever; its content and the salt of its seal are encrypted. */
@Entity
@Table(name = "price_contribution_version")
public class PriceContributionVersion {

    @Id
    private String id;

    @Column(name = "contribution_id", nullable = false, updatable = false)
    private String contributionId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "sealed_content", nullable = false, updatable = false, columnDefinition = "MEDIUMTEXT")
    private String sealedContent;

    @Column(name = "sealed_salt", length = 200)
    private String sealedSalt;

    @Column(length = 64)
    private String commitment;

    @Column(name = "sealed_at")
    private Instant sealedAt;

    @Column(name = "saved_at", nullable = false, updatable = false)
    private Instant savedAt;

    @Column(name = "saved_by_id", nullable = false, updatable = false, length = 64)
    private String savedById;

    @Column(name = "saved_by_name", updatable = false, length = 200)
    private String savedByName;

    protected PriceContributionVersion() {
    }

    PriceContributionVersion(String contributionId, int number, String sealedContent, Instant savedAt, String savedById, String savedByName) {
        this.id = UUID.randomUUID().toString();
        this.contributionId = contributionId;
        this.number = number;
        this.sealedContent = sealedContent;
        this.savedAt = savedAt;
        this.savedById = savedById;
        this.savedByName = savedByName;
    }

    void seal(String sealedSalt, String commitment, Instant at) {
        this.sealedSalt = sealedSalt;
        this.commitment = commitment;
        this.sealedAt = at;
    }

    String sealedSalt() {
        return sealedSalt;
    }

    public int number() {
        return number;
    }

    String sealedContent() {
        return sealedContent;
    }

    public Instant savedAt() {
        return savedAt;
    }

    public String savedByName() {
        return savedByName;
    }
}
