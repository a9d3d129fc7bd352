package dev.kakehashi.document;

import dev.kakehashi.company.People;
import dev.kakehashi.consortium.ConsortiumService;
import dev.kakehashi.document.DocumentControlViews.PersonView;
import dev.kakehashi.document.DocumentControlViews.RecipientView;
import dev.kakehashi.document.DocumentControlViews.ReviewView;
import dev.kakehashi.document.DocumentControlViews.ReviewerView;
import dev.kakehashi.document.DocumentControlViews.StepView;
import dev.kakehashi.document.DocumentControlViews.TransmittalView;
import dev.kakehashi.document.DocumentControlViews.TransmittedRevisionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Turns transmittals and reviews into their API views (shared by the REST resources and the Faces pages). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DocumentControlPresenter {

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    ConsortiumService consortia;

    @Inject
    Clock clock;

    public PersonView person(String userId) {
        if (userId == null) {
            return null;
        }
        return people.byId(userId).map(p -> new PersonView(p.userId(), p.name(), p.email(), consortia.aliasOf(p.companyId())))
                .orElse(new PersonView(userId, null, null, null));
    }

    public TransmittalView transmittal(Transmittal t) {
        var revisions = t.revisions().stream().map(r -> {
            Document d = em.find(Document.class, r.documentId());
            return new TransmittedRevisionView(d.id(), d.number(), d.titles(), r.revision());
        }).sorted(java.util.Comparator.comparing(TransmittedRevisionView::number).thenComparing(TransmittedRevisionView::revision)).toList();
        var recipients = t.recipients().stream().map(r -> new RecipientView(consortia.aliasOf(r.companyId()), r.acknowledged(),
                r.acknowledgedAt(), person(r.acknowledgedBy()))).sorted(java.util.Comparator.comparing(RecipientView::company)).toList();
        return new TransmittalView(t.id(), t.consortiumId(), t.number(), consortia.aliasOf(t.senderCompanyId()), t.purpose(), t.message(),
                t.dueAt(), t.sentAt(), person(t.sentBy()), t.isOverdue(clock.instant()), revisions, recipients, t.version());
    }

    public ReviewView review(Review r) {
        Document d = em.find(Document.class, r.documentId());
        var steps = r.steps().stream().map(s -> new StepView(s.position(), s.dueAt(), s.completedAt(), s.assignments().stream()
                .map(a -> new ReviewerView(person(a.reviewerUserId()), a.decision(), a.comment(), a.decidedAt())).toList())).toList();
        var ball = r.ballInCourt().stream().map(a -> person(a.reviewerUserId())).toList();
        return new ReviewView(r.id(), d.id(), d.number(), r.revision(), r.status(), r.status() == ReviewStatus.IN_PROGRESS ? r.currentStep() : null,
                r.isOverdue(clock.instant()), ball, steps, r.startedAt(), person(r.startedBy()), r.finishedAt(), r.version());
    }
}
