package dev.kakehashi.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How the API shows transmittals, reviews and tasks. People are shown by name, e-mail and company. */
public final class DocumentControlViews {

    private DocumentControlViews() {
    }

    public record PersonView(String userId, String name, String email, String company) {
    }

    public record TransmittedRevisionView(String documentId, String number, Map<String, String> title, String revision) {
    }

    public record RecipientView(String company, boolean acknowledged, Instant acknowledgedAt, PersonView acknowledgedBy) {
    }

    public record TransmittalView(String id, String consortiumId, String number, String sender, TransmittalPurpose purpose, String message,
                                  Instant dueAt, Instant sentAt, PersonView sentBy, boolean overdue, List<TransmittedRevisionView> revisions,
                                  List<RecipientView> recipients, long version) {
    }

    public record ReviewerView(PersonView reviewer, ReviewDecision decision, String comment, Instant decidedAt) {
    }

    public record StepView(int position, Instant dueAt, Instant completedAt, List<ReviewerView> reviewers) {
    }

    public record ReviewView(String id, String documentId, String number, String revision, ReviewStatus status, Integer currentStep,
                             boolean overdue, List<PersonView> ballInCourt, List<StepView> steps, Instant startedAt, PersonView startedBy,
                             Instant finishedAt, long version) {
    }

    /** Something waiting for the caller: a decision in a review, or a transmittal to acknowledge. */
    public record TaskView(String kind, String id, String consortiumId, String title, String detail, Instant dueAt, boolean overdue,
                           String link) {
    }
}
