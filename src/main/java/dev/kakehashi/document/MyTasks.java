package dev.kakehashi.document;

import dev.kakehashi.document.DocumentControlViews.TaskView;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What waits for the caller now: reviews in which they hold the ball, and transmittals to their company
 * that nobody there has acknowledged (for the people who may acknowledge). Soonest due first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MyTasks {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    ReviewService reviews;

    @Inject
    TransmittalService transmittals;

    @Inject
    Clock clock;

    public List<TaskView> list() {
        Instant now = clock.instant();
        List<TaskView> tasks = new ArrayList<>();
        for (Review review : reviews.awaitingMyDecision()) {
            Document document = em.find(Document.class, review.documentId());
            Instant due = review.current().map(ReviewStep::dueAt).orElse(null);
            tasks.add(new TaskView("REVIEW", review.id(), review.consortiumId(), document.number() + " " + review.revision(),
                    document.titleIn(Locale.ENGLISH), due, review.isOverdue(now), "/document.xhtml?id=" + document.id()));
        }
        var caller = context.caller();
        if (caller.hasAnyOf(Role.ACTING)) {
            for (Transmittal t : transmittals.awaitingAcknowledgement()) {
                tasks.add(new TaskView("ACKNOWLEDGE", t.id(), t.consortiumId(), t.number(), t.purpose().name(), t.dueAt(),
                        t.dueAt() != null && now.isAfter(t.dueAt()), "/transmittal.xhtml?id=" + t.id()));
            }
        }
        tasks.sort(Comparator.comparing(TaskView::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return tasks;
    }
}
