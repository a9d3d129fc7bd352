package dev.kakehashi.document;

import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.web.Messages;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.primefaces.event.FileUploadEvent;

/**
 * A file the web UI's upload component delivered (assembled from its chunks) and the blob store already
 * holds, waiting for the person to register it or add it as a revision. Whatever is not used is
 * discarded: when a newer file replaces it, and when the page goes away.
 */
final class PendingUpload implements Serializable {

    private static final long serialVersionUID = 1L;

    private DocumentRevision.Content content;

    /** Stores the delivered file, once {@code permission} has not refused the caller (it throws the problem). */
    void receive(FileUploadEvent event, Uploads uploads, Runnable permission) {
        discard(uploads);
        try {
            permission.run();
            content = uploads.store(event.getFile().getInputStream(), DocumentRevision.fileName(event.getFile().getFileName()),
                    event.getFile().getContentType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProblemException e) {
            Messages.error(e);
        }
    }

    DocumentRevision.Content content() {
        return content;
    }

    /** The content, now used by a revision: no longer this page's to discard. */
    void used() {
        content = null;
    }

    void discard(Uploads uploads) {
        if (content != null) {
            uploads.discard(content);
            content = null;
        }
    }
}
