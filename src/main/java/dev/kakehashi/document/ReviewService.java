package dev.kakehashi.document;

import dev.kakehashi.company.People;
import dev.kakehashi.company.Person;
import dev.kakehashi.consortium.ConsortiumService;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.notice.Notices;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Review workflows: started by the document's owner, decided by the people it names, step by step. */
@ApplicationScoped
@Transactional
public class ReviewService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    DocumentService documents;

    @Inject
    ConsortiumService consortia;

    @Inject
    People people;

    @Inject
    AuditTrail audit;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    /** A step as asked: reviewers by e-mail. */
    public record StepRequest(List<String> reviewers, Instant dueAt) {
    }

    public Review start(String documentId, String revision, List<StepRequest> steps) {
        Document document = documents.owned(documentId);
        context.requireAnyOf(Role.BID_MANAGER, Role.CONTRIBUTOR);
        em.lock(document, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (document.revision(revision).isEmpty()) {
            throw ProblemException.ruleViolated("revision", "existing-revision", document.number() + " has no revision " + revision);
        }
        if (inProgress(documentId).isPresent()) {
            throw ProblemException.ruleViolated("A review of this document is in progress", "document", "one-review-at-a-time",
                    "finish the review in progress first");
        }
        List<Review.StepPlan> plan = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<Review.Reviewer> reviewers = new ArrayList<>();
            for (String email : steps.get(i).reviewers()) {
                reviewers.add(reviewer(document, revision, "steps[" + i + "].reviewers", email));
            }
            plan.add(new Review.StepPlan(reviewers, steps.get(i).dueAt()));
        }
        Instant now = clock.instant();
        Review review = Review.start(document, revision, plan, context.caller().userId(), now);
        document.reviewStarted(revision);
        em.persist(review);
        em.flush();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", document.number());
        summary.put("revision", revision);
        summary.put("steps", steps.stream().map(StepRequest::reviewers).toList());
        audit.record(document.consortiumId(), "review.started", "review", review.id(), AuditTrail.Change.created(summary));
        tellBallInCourt(review, document);
        return review;
    }

    /**
     * A reviewer is a person of the owner company, or of a member company the revision was transmitted
     * to, who has signed in and may act (not a viewer). Whoever else is named, whether the address is
     * unknown, of another company, or of a viewer, gets the same answer, so that starting a review
     * tells nothing about who exists elsewhere.
     */
    private Review.Reviewer reviewer(Document document, String revision, String field, String email) {
        java.util.Optional<Person> person = email == null ? java.util.Optional.empty() : people.byEmail(email);
        boolean inAudience = person.isPresent() && (document.isOwnedBy(person.get().companyId())
                || (consortia.isActiveMember(document.consortiumId(), person.get().companyId())
                && documents.transmittedRevisions(document.id(), person.get().companyId()).contains(revision)));
        if (!inAudience || !person.get().hasAnyOf(Role.ACTING)) {
            throw ProblemException.ruleViolated(field, "reviewer-eligible", email + " cannot review revision " + revision
                    + ": name someone of your company, or of a member company it was transmitted to, who has signed in and may act");
        }
        return new Review.Reviewer(person.get().userId(), person.get().companyId());
    }

    public Review decide(String reviewId, ReviewDecision decision, String comment, IfMatch ifMatch) {
        Review review = visible(reviewId);
        if (!review.isReviewer(context.caller().userId())) {
            throw new ProblemException(dev.kakehashi.platform.api.ProblemType.FORBIDDEN, "You are not a reviewer of this review");
        }
        ifMatch.require(review.version(), "review");
        // Every decision moves the version, so that two reviewers finishing a step at once cannot both miss it.
        em.lock(review, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Document document = em.find(Document.class, review.documentId());
        int stepBefore = review.currentStep();
        Review.Outcome outcome = review.decide(context.caller().userId(), decision, comment, clock.instant());
        if (outcome == Review.Outcome.APPROVED || outcome == Review.Outcome.RETURNED) {
            document.reviewEnded(review.revision(), review.status());
        }
        em.flush();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", document.number());
        summary.put("revision", review.revision());
        summary.put("step", stepBefore);
        summary.put("decision", decision);
        summary.put("comment", comment);
        summary.put("outcome", outcome);
        audit.record(review.consortiumId(), "review.decided", "review", reviewId, AuditTrail.Change.created(summary));
        if (outcome == Review.Outcome.STEP_COMPLETED) {
            tellBallInCourt(review, document);
        }
        return review;
    }

    private void tellBallInCourt(Review review, Document document) {
        Instant due = review.current().map(ReviewStep::dueAt).orElse(null);
        for (ReviewAssignment a : review.ballInCourt()) {
            people.byId(a.reviewerUserId()).ifPresent(p -> notices.tell(p, "review", "/document.xhtml?id=" + document.id(),
                    document.number(), review.revision(), document.titles().getOrDefault("en", document.number()), due == null ? "" : due.toString()));
        }
    }

    /** A review the caller may see: its company owns the document, or one of its people is a reviewer. 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Review visible(String id) {
        Review review = id == null ? null : em.find(Review.class, id);
        if (review == null || !isVisible(review)) {
            throw ProblemException.notFound("Review " + id);
        }
        return review;
    }

    private boolean isVisible(Review review) {
        String company = context.company().id();
        if (!consortia.isActiveMember(review.consortiumId(), company)) {
            return false;
        }
        Document document = em.find(Document.class, review.documentId());
        if (document.isOwnedBy(company)) {
            return true;
        }
        return review.reviewerCompanyIds().contains(company)
                && documents.transmittedRevisions(document.id(), company).contains(review.revision());
    }

    /** The reviews of a document the caller may read that the caller may see, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Review> ofDocument(String documentId) {
        documents.readable(documentId);
        return em.createQuery("select r from Review r where r.documentId = :d order by r.startedAt desc", Review.class)
                .setParameter("d", documentId).getResultList().stream().filter(this::isVisible).toList();
    }

    private Optional<Review> inProgress(String documentId) {
        return em.createQuery("select r from Review r where r.documentId = :d and r.status = :s", Review.class)
                .setParameter("d", documentId).setParameter("s", ReviewStatus.IN_PROGRESS).getResultStream().findFirst();
    }

    /** Reviews in which the caller holds the ball now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Review> awaitingMyDecision() {
        String me = context.caller().userId();
        return em.createQuery("select distinct r from Review r join r.steps s join s.assignments a where r.status = :s "
                        + "and s.position = r.currentStep and a.reviewerUserId = :me and a.decision is null order by r.startedAt", Review.class)
                .setParameter("s", ReviewStatus.IN_PROGRESS).setParameter("me", me).getResultList()
                .stream().filter(this::isVisible).toList();
    }
}
