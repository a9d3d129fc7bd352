package dev.kakehashi.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How the API shows documents and revisions. */
public final class DocumentViews {

    private DocumentViews() {
    }

    public record RevisionView(String revision, String status, String fileName, String mediaType, long size, String sha256,
                               Instant uploadedAt) {
        static RevisionView of(DocumentRevision r) {
            return new RevisionView(r.label(), r.status().name(), r.fileName(), r.mediaType(), r.size(), r.sha256(), r.uploadedAt());
        }
    }

    public record DocumentView(String id, String consortiumId, String number, Map<String, String> title, String discipline, String type,
                               DocumentStatus status, String revision, String ownerCompany, List<RevisionView> revisions, long version) {
        static DocumentView of(Document d, String ownerAlias) {
            return new DocumentView(d.id(), d.consortiumId(), d.number(), d.titles(), d.discipline(), d.type(), d.status(),
                    d.currentRevision(), ownerAlias, d.revisions().stream().map(RevisionView::of).toList(), d.version());
        }
    }
}
