package dev.kakehashi.document;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/** A step of a review: its reviewers decide in parallel; it completes when all of them have approved. */
@Entity
@Table(name = "review_step")
public class ReviewStep {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "review_id", nullable = false, updatable = false)
    private Review review;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @OneToMany(mappedBy = "step", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    private Set<ReviewAssignment> assignments = new HashSet<>();

    protected ReviewStep() {
    }

    ReviewStep(Review review, int position, Review.StepPlan plan) {
        this.id = UUID.randomUUID().toString();
        this.review = review;
        this.position = position;
        this.dueAt = plan.dueAt();
        plan.reviewers().forEach(r -> assignments.add(new ReviewAssignment(this, r)));
    }

    Optional<ReviewAssignment> assignmentOf(String userId) {
        return assignments.stream().filter(a -> a.reviewerUserId().equals(userId)).findFirst();
    }

    boolean allDecided() {
        return assignments.stream().noneMatch(ReviewAssignment::isPending);
    }

    void complete(Instant now) {
        completedAt = now;
    }

    public int position() {
        return position;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public List<ReviewAssignment> assignments() {
        return assignments.stream().sorted(java.util.Comparator.comparing(ReviewAssignment::reviewerUserId)).toList();
    }
}
