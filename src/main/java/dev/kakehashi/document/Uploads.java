package dev.kakehashi.document;

import dev.kakehashi.platform.api.BodyTooLargeException;
import dev.kakehashi.platform.api.MultipartForm;
import dev.kakehashi.platform.api.Outages;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import dev.kakehashi.platform.blob.BlobStore;
import dev.kakehashi.platform.blob.BlobTooLargeException;
import dev.kakehashi.platform.blob.ContentInterruptedException;
import dev.kakehashi.platform.blob.StoredBlob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes the "file" part of a multipart upload into the blob store, streamed, before any transaction
 * starts (a large upload must not hold a database transaction open), within the configured size limit.
 */
@ApplicationScoped
public class Uploads {

    @Inject
    BlobStore blobs;

    static final long DEFAULT_MAX_BYTES = 2147483648L;

    /** 2 GiB unless {@code KAKEHASHI_DOCUMENTS_MAX_BYTES} says otherwise. */
    @Inject
    @ConfigProperty(name = "kakehashi.documents.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    /** The web UI sends files in chunks of this size, each a request of its own (8 MiB unless configured). */
    @Inject
    @ConfigProperty(name = "kakehashi.documents.upload-chunk-bytes", defaultValue = "8388608")
    long chunkBytes;

    public long chunkBytes() {
        return chunkBytes;
    }

    /** The longest "metadata" part of an upload. */
    static final int MAX_METADATA_BYTES = 64 * 1024;

    /** What a multipart upload carried: its "metadata" part (JSON text, if any) and its stored "file" part. */
    public record Received(String metadata, DocumentRevision.Content content) {
    }

    /**
     * Reads a multipart upload as it arrives: the "metadata" part as text, the "file" part straight into
     * the blob store. Call it only once the caller may upload here: it stores what it reads. When the
     * body turns out to be bad, nothing it stored is kept.
     */
    public Received receive(String contentType, InputStream body) {
        String[] metadata = new String[1];
        DocumentRevision.Content[] content = new DocumentRevision.Content[1];
        try {
            MultipartForm.read(contentType, body, (name, fileName, partType, part) -> {
                if ("metadata".equals(name)) {
                    if (metadata[0] != null) {
                        throw new ProblemException(ProblemType.INVALID_REQUEST, "Send one \"metadata\" part");
                    }
                    metadata[0] = MultipartForm.text(part, MAX_METADATA_BYTES);
                } else if ("file".equals(name)) {
                    if (content[0] != null) {
                        throw new ProblemException(ProblemType.INVALID_REQUEST, "Send one \"file\" part");
                    }
                    if (fileName == null || fileName.isBlank()) {
                        throw new ProblemException(ProblemType.INVALID_REQUEST,
                                "The file part needs a file name (Content-Disposition filename or filename*)");
                    }
                    content[0] = store(part, DocumentRevision.fileName(fileName), partType);
                }
                // Other parts are read past and ignored.
            });
        } catch (RuntimeException e) {
            if (content[0] != null) {
                discard(content[0]);
            }
            throw e;
        }
        if (content[0] == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "A multipart part named \"file\" with the content is required");
        }
        return new Received(metadata[0], content[0]);
    }

    /** Streams content (an API part or a file the web UI assembled from its chunks) into the blob store, and closes it. */
    public DocumentRevision.Content store(InputStream stream, String fileName, String mediaType) {
        try (InputStream content = stream) {
            StoredBlob blob = blobs.put(content, maxBytes);
            return new DocumentRevision.Content(blob.key(), blob.sha256(), blob.size(), DocumentRevision.mediaType(mediaType), fileName);
        } catch (BlobTooLargeException | BodyTooLargeException e) {
            throw DocumentService.tooLarge(maxBytes);
        } catch (ContentInterruptedException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The upload was cut off before it ended");
        } catch (IOException e) {
            throw new Outages.StorageUnavailableException("Could not store the upload", e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Removes the blob of an upload that did not become a revision. */
    public void discard(DocumentRevision.Content content) {
        try {
            blobs.discard(content.blobKey());
        } catch (IOException e) {
            // An orphan blob is only wasted space; it is referred to by nothing.
        }
    }

    /**
     * A revision's content from {@code offset}, opened now, so that a store that does not answer gives a
     * 503 before any byte of the answer is sent.
     */
    public InputStream open(DocumentRevision revision, long offset, long length) {
        try {
            return blobs.open(revision.blobKey(), offset, length);
        } catch (IOException e) {
            throw new Outages.StorageUnavailableException("Could not read the content of revision " + revision.label(), e);
        }
    }
}
