package dev.kakehashi.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One reviewer in one step, and the decision once made (never changed afterwards). */
@Entity
@Table(name = "review_assignment")
public class ReviewAssignment {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "step_id", nullable = false, updatable = false)
    private ReviewStep step;

    @Column(name = "reviewer_user_id", nullable = false, updatable = false)
    private String reviewerUserId;

    @Column(name = "reviewer_company_id", nullable = false, updatable = false)
    private String reviewerCompanyId;

    @Enumerated(EnumType.STRING)
    private ReviewDecision decision;

    @Column(length = Review.COMMENT_LENGTH)
    private String comment;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected ReviewAssignment() {
    }

    ReviewAssignment(ReviewStep step, Review.Reviewer reviewer) {
        this.id = UUID.randomUUID().toString();
        this.step = step;
        this.reviewerUserId = reviewer.userId();
        this.reviewerCompanyId = reviewer.companyId();
    }

    void decide(ReviewDecision decision, String comment, Instant now) {
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = now;
    }

    public boolean isPending() {
        return decision == null;
    }

    public String reviewerUserId() {
        return reviewerUserId;
    }

    public String reviewerCompanyId() {
        return reviewerCompanyId;
    }

    public ReviewDecision decision() {
        return decision;
    }

    public String comment() {
        return comment;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
