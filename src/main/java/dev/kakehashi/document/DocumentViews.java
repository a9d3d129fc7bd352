package dev.kakehashi.document;

import dev.kakehashi.document.DocumentService.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How the API shows documents and revisions. */
public final class DocumentViews {

    private DocumentViews() {
    }

    /** {@code status} is omitted when a recipient holds a revision that is no longer the owner's current one. */
    public record RevisionView(String revision, String status, String fileName, String mediaType, long size, String sha256,
                               Instant uploadedAt) {
        static RevisionView of(DocumentRevision r, String status) {
            return new RevisionView(r.label(), status, r.fileName(), r.mediaType(), r.size(), r.sha256(), r.uploadedAt());
        }

        static List<RevisionView> of(Readable readable) {
            List<DocumentRevision> visible = readable.visibleRevisions();
            DocumentRevision latestVisible = visible.get(visible.size() - 1);
            // A recipient's latest revision superseded by one it never received shows no status.
            return visible.stream().map(r -> of(r, readable.owned() || r != latestVisible || r.status() == DocumentRevision.State.CURRENT
                    ? r.status().name() : null)).toList();
        }
    }

    /** A document as the caller may see it: a recipient sees only the revisions transmitted to its company. */
    public record DocumentView(String id, String consortiumId, String number, Map<String, String> title, String discipline, String type,
                               DocumentStatus status, String revision, String ownerCompany, boolean owned, List<RevisionView> revisions,
                               long version) {
        static DocumentView of(Readable r, String ownerAlias) {
            Document d = r.document();
            return new DocumentView(d.id(), d.consortiumId(), d.number(), d.titles(), d.discipline(), d.type(), r.status(),
                    r.latestRevision(), ownerAlias, r.owned(), RevisionView.of(r), d.version());
        }
    }
}
