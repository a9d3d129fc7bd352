package dev.kakehashi.document;

import dev.kakehashi.company.People;
import dev.kakehashi.company.Person;
import dev.kakehashi.document.DocumentControlViews.PersonView;
import dev.kakehashi.document.DocumentControlViews.ReviewView;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import dev.kakehashi.platform.web.ShellView;
import jakarta.annotation.PreDestroy;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** One document: its revisions (download, a new one), withdrawal, and its reviews with the decision form. */
@Named
@ViewScoped
public class DocumentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DocumentService documents;

    @Inject
    ReviewService reviews;

    @Inject
    TransmittalService transmittals;

    @Inject
    DocumentControlPresenter presenter;

    @Inject
    People people;

    @Inject
    dev.kakehashi.consortium.ConsortiumService consortia;

    @Inject
    Uploads uploads;

    @Inject
    CallerContext context;

    @Inject
    ShellView shell;

    private String id;
    private final PendingUpload pending = new PendingUpload();

    /** No decision is preselected: a reviewer picks one, deliberately. */
    private String decision;
    private String comment;

    private String reviewRevision;
    private List<String> firstStep = new ArrayList<>();
    private LocalDateTime firstDue;
    private List<String> secondStep = new ArrayList<>();
    private LocalDateTime secondDue;

    /** The version of the document the person saw: what a withdrawal applies to. */
    private long version;

    public void load() {
        version = getReadable().document().version();
    }

    public DocumentService.Readable getReadable() {
        return PerRequest.get("document", () -> documents.readable(id));
    }

    public Document getDocument() {
        return getReadable().document();
    }

    public String getTitle() {
        return getDocument().titleIn(shell.getLocale());
    }

    public String getOwner() {
        return documents.ownerAlias(getDocument());
    }

    public ZoneId getTenderZone() {
        return PerRequest.get("document.zone", () -> consortia.tenderZone(getDocument().consortiumId()));
    }

    public List<DocumentRevision> getRevisions() {
        List<DocumentRevision> visible = new ArrayList<>(getReadable().visibleRevisions());
        java.util.Collections.reverse(visible);
        return visible;
    }

    public boolean isOwned() {
        return getReadable().owned();
    }

    public boolean isMayWrite() {
        return isOwned() && (context.caller().has(Role.CONTRIBUTOR) || context.caller().has(Role.BID_MANAGER))
                && getDocument().status() != DocumentStatus.WITHDRAWN;
    }

    public StreamedContent download(String label) {
        DocumentRevision revision = documents.download(id, label);
        return DefaultStreamedContent.builder()
                .name(revision.fileName())
                .contentType(revision.mediaType())
                .contentLength(revision.size())
                .stream(() -> uploads.open(revision, 0, revision.size()))
                .build();
    }

    /** The upload component hands over the file assembled from its chunks; it goes to the blob store at once. */
    public void upload(FileUploadEvent event) {
        pending.receive(event, uploads, () -> documents.requireMayRevise(id));
    }

    public String revise() {
        if (pending.content() == null) {
            Messages.warn("document.uploadFirst");
            return null;
        }
        DocumentRevision.Content content = pending.content();
        return Actions.change(() -> {
            DocumentRevision revision = documents.revise(id, content);
            pending.used();
            return revision;
        }, "document.revised", DocumentRevision::label);
    }

    public String withdraw() {
        return Actions.change(() -> documents.withdraw(id, IfMatch.version(version)), "document.withdrawn");
    }

    // ---- reviews ----

    public List<ReviewView> getReviews() {
        return PerRequest.get("document.reviews", () -> reviews.ofDocument(id).stream().map(presenter::review).toList());
    }

    public boolean holdsBall(ReviewView review) {
        String me = context.caller().userId();
        return review.ballInCourt().stream().map(PersonView::userId).anyMatch(me::equals);
    }

    public String decide(ReviewView review) {
        if (decision == null || decision.isBlank()) {
            Messages.warn("review.decisionRequired");
            return null;
        }
        return Actions.change(() -> reviews.decide(review.id(), ReviewDecision.valueOf(decision),
                comment == null || comment.isBlank() ? null : comment.strip(), IfMatch.version(review.version())), "review.decided");
    }

    /** People who may be named: of my company, or of a company a revision of this document was transmitted to. */
    public List<Person> getEligibleReviewers() {
        return PerRequest.get("document.reviewers", () -> {
            Set<String> companies = new HashSet<>(transmittals.recipientsOf(id));
            companies.add(getDocument().ownerCompanyId());
            return people.ofCompanies(companies).stream()
                    .filter(p -> p.hasAnyOf(Role.ACTING)).toList();
        });
    }

    public String companyOf(Person person) {
        return transmittals.aliasOf(person.companyId());
    }

    public String startReview() {
        List<ReviewService.StepRequest> steps = new ArrayList<>();
        ZoneId zone = ZoneId.of(shell.getTimeZone());
        if (firstStep.isEmpty() || firstDue == null) {
            Messages.warn("review.firstStepRequired");
            return null;
        }
        steps.add(new ReviewService.StepRequest(firstStep, firstDue.atZone(zone).toInstant()));
        if (!secondStep.isEmpty()) {
            if (secondDue == null) {
                Messages.warn("review.dueRequired");
                return null;
            }
            steps.add(new ReviewService.StepRequest(secondStep, secondDue.atZone(zone).toInstant()));
        }
        String revision = reviewRevision == null ? getDocument().currentRevision() : reviewRevision;
        return Actions.change(() -> reviews.start(id, revision, steps), "review.started");
    }

    @PreDestroy
    void discardPending() {
        pending.discard(uploads);
    }

    // ---- properties ----

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public DocumentRevision.Content getPending() {
        return pending.content();
    }

    public long getMaxBytes() {
        return uploads.maxBytes();
    }

    public long getChunkBytes() {
        return uploads.chunkBytes();
    }

    public ReviewDecision[] getDecisions() {
        return ReviewDecision.values();
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getReviewRevision() {
        return reviewRevision;
    }

    public void setReviewRevision(String reviewRevision) {
        this.reviewRevision = reviewRevision;
    }

    public List<String> getFirstStep() {
        return firstStep;
    }

    public void setFirstStep(List<String> firstStep) {
        this.firstStep = firstStep;
    }

    public LocalDateTime getFirstDue() {
        return firstDue;
    }

    public void setFirstDue(LocalDateTime firstDue) {
        this.firstDue = firstDue;
    }

    public List<String> getSecondStep() {
        return secondStep;
    }

    public void setSecondStep(List<String> secondStep) {
        this.secondStep = secondStep;
    }

    public LocalDateTime getSecondDue() {
        return secondDue;
    }

    public void setSecondDue(LocalDateTime secondDue) {
        this.secondDue = secondDue;
    }
}
