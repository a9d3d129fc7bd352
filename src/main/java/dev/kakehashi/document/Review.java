package dev.kakehashi.document;

import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A review workflow on one revision: serial steps, each with reviewers who decide in parallel. A
 * step completes when all its reviewers approved (with or without comments) and hands the ball to
 * the next; one return ends the workflow with the document returned; the last step's approval
 * approves it. Each reviewer decides once.
 */
@Entity
@Table(name = "review")
public class Review {

    /** A reviewer: a person and the company they review for. */
    public record Reviewer(String userId, String companyId) {
    }

    /** A step as planned when the review starts. */
    public record StepPlan(List<Reviewer> reviewers, Instant dueAt) {
    }

    /** What a decision did to the workflow. */
    public enum Outcome { RECORDED, STEP_COMPLETED, APPROVED, RETURNED }

    @Id
    private String id;

    @Column(name = "consortium_id", nullable = false, updatable = false)
    private String consortiumId;

    @Column(name = "document_id", nullable = false, updatable = false)
    private String documentId;

    @Column(nullable = false, updatable = false)
    private String revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewStatus status;

    /** 1-based position of the step that holds the ball; meaningless once finished. */
    @Column(name = "current_step", nullable = false)
    private int currentStep;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<ReviewStep> steps = new ArrayList<>();

    @Version
    private long version;

    /** Bounds of a workflow, and the longest comment (the column's size). */
    public static final int MAX_STEPS = 10;
    public static final int MAX_REVIEWERS = 20;
    public static final int COMMENT_LENGTH = 4000;

    protected Review() {
    }

    static Review start(Document document, String revision, List<StepPlan> plan, String by, Instant now) {
        if (plan.isEmpty()) {
            throw ProblemException.ruleViolated("steps", "at-least-one-step", "a review needs at least one step");
        }
        if (plan.size() > MAX_STEPS) {
            throw ProblemException.ruleViolated("steps", "at-most-steps", "a review has at most " + MAX_STEPS + " steps");
        }
        for (int i = 0; i < plan.size(); i++) {
            StepPlan step = plan.get(i);
            if (step.reviewers().isEmpty()) {
                throw ProblemException.ruleViolated("steps[" + i + "].reviewers", "at-least-one-reviewer", "each step needs a reviewer");
            }
            if (step.reviewers().stream().map(Reviewer::userId).distinct().count() != step.reviewers().size()) {
                throw ProblemException.ruleViolated("steps[" + i + "].reviewers", "reviewer-once-per-step", "a reviewer is named twice in the step");
            }
            if (!step.dueAt().isAfter(now)) {
                throw ProblemException.ruleViolated("steps[" + i + "].dueAt", "due-in-future", "the due date must be in the future");
            }
        }
        Review r = new Review();
        r.id = UUID.randomUUID().toString();
        r.consortiumId = document.consortiumId();
        r.documentId = document.id();
        r.revision = revision;
        r.status = ReviewStatus.IN_PROGRESS;
        r.currentStep = 1;
        r.startedAt = now;
        r.startedBy = by;
        for (int i = 0; i < plan.size(); i++) {
            r.steps.add(new ReviewStep(r, i + 1, plan.get(i)));
        }
        return r;
    }

    /** Records the decision of a reviewer of the step that holds the ball. */
    Outcome decide(String userId, ReviewDecision decision, String comment, Instant now) {
        if (status != ReviewStatus.IN_PROGRESS) {
            throw ProblemException.ruleViolated("The review is " + status, "review", "in-progress", "the review has ended");
        }
        if (decision.needsComment() && (comment == null || comment.isBlank())) {
            throw ProblemException.ruleViolated("comment", "comment-required", decision + " needs a comment");
        }
        if (comment != null && comment.length() > COMMENT_LENGTH) {
            throw ProblemException.ruleViolated("comment", "too-long", "A comment has at most " + COMMENT_LENGTH + " characters");
        }
        ReviewStep step = current().orElseThrow();
        Optional<ReviewAssignment> assignment = step.assignmentOf(userId);
        if (assignment.isEmpty()) {
            if (isReviewer(userId)) {
                throw ProblemException.ruleViolated("review", "not-your-step", "your step has not started yet");
            }
            throw new ProblemException(ProblemType.FORBIDDEN, "You are not a reviewer of this review");
        }
        if (!assignment.get().isPending()) {
            throw new ProblemException(ProblemType.CONFLICT, "You decided " + assignment.get().decision() + " at "
                    + assignment.get().decidedAt() + "; a reviewer decides once");
        }
        assignment.get().decide(decision, comment, now);
        if (decision == ReviewDecision.RETURN) {
            finish(ReviewStatus.RETURNED, now);
            return Outcome.RETURNED;
        }
        if (!step.allDecided()) {
            return Outcome.RECORDED;
        }
        step.complete(now);
        if (currentStep == steps.size()) {
            finish(ReviewStatus.APPROVED, now);
            return Outcome.APPROVED;
        }
        currentStep++;
        return Outcome.STEP_COMPLETED;
    }

    private void finish(ReviewStatus outcome, Instant now) {
        status = outcome;
        finishedAt = now;
    }

    public Optional<ReviewStep> current() {
        return status == ReviewStatus.IN_PROGRESS ? Optional.of(steps.get(currentStep - 1)) : Optional.empty();
    }

    /** Who must act now: the reviewers of the current step who have not decided. */
    public List<ReviewAssignment> ballInCourt() {
        return current().map(s -> s.assignments().stream().filter(ReviewAssignment::isPending).toList()).orElse(List.of());
    }

    public boolean isOverdue(Instant now) {
        return current().map(s -> now.isAfter(s.dueAt())).orElse(false);
    }

    public boolean isReviewer(String userId) {
        return steps.stream().anyMatch(s -> s.assignmentOf(userId).isPresent());
    }

    public Set<String> reviewerCompanyIds() {
        return steps.stream().flatMap(s -> s.assignments().stream()).map(ReviewAssignment::reviewerCompanyId).collect(Collectors.toSet());
    }

    public String id() {
        return id;
    }

    public String consortiumId() {
        return consortiumId;
    }

    public String documentId() {
        return documentId;
    }

    public String revision() {
        return revision;
    }

    public ReviewStatus status() {
        return status;
    }

    public int currentStep() {
        return currentStep;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public List<ReviewStep> steps() {
        return List.copyOf(steps);
    }

    public long version() {
        return version;
    }
}
